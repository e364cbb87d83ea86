use error_core::ApiError;

#[derive(ApiError)]
#[api(type_base = "https://errors.example.com")]
enum Error {
    #[api(status = 404)]
    NotFound,
}

#[derive(ApiError)]
#[api(type_base = "https://errors.example.com/lead errors/")]
enum Spaced {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
