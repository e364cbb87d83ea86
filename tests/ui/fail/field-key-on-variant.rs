use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400, fields)]
    Validation(error_core::FieldErrors),
}

fn main() {}
