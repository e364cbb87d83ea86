use error_core::ApiError;

#[derive(ApiError)]
#[api(transparent)]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
