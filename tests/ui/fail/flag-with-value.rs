use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400)]
    Validation(#[api(fields = true)] error_core::FieldErrors),
}

fn main() {}
