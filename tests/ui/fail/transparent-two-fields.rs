use error_core::ApiError;

#[derive(ApiError)]
enum Inner {
    #[api(status = 404)]
    NotFound,
}

#[derive(ApiError)]
enum Error {
    #[api(transparent)]
    Inner(Inner, String),
}

fn main() {}
