use error_core::{ApiError, FieldErrors};

// `field-too-short` may use `$field` and `$min`; `$max` belongs to `field-too-long`.
#[derive(ApiError)]
#[api(locales = "../../../../tests/ui/locales/field-unknown-variable")]
enum FormError {
    #[api(status = 422, message = "Invalid.")]
    Invalid(#[api(fields)] FieldErrors),
}

fn main() {}
