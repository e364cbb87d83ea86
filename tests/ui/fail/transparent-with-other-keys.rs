use error_core::ApiError;

#[derive(ApiError)]
enum Inner {
    #[api(status = 404)]
    NotFound,
}

#[derive(ApiError)]
enum Error {
    #[api(transparent, status = 500, code = "inner")]
    Inner(Inner),
}

fn main() {}
