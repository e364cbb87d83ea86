use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api]
    NotFound,
    #[api = "status 404"]
    Gone,
}

fn main() {}
