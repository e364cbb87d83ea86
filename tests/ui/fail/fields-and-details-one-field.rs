use error_core::{ApiError, FieldErrors};

#[derive(ApiError)]
enum Error {
    #[api(status = 400, code = "validation")]
    Validation(#[api(fields, details)] FieldErrors),
}

fn main() {}
