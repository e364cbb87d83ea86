use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400, code = "validation")]
    Validation(#[api(fields)] Vec<String>),
}

fn main() {}
