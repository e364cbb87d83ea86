use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404)]
    NotFound(#[api(code = "not_found")] u64),
}

fn main() {}
