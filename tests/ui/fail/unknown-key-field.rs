use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400)]
    Validation(#[api(field)] error_core::FieldErrors),
}

fn main() {}
