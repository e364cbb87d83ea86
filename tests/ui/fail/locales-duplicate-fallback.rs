use error_core::ApiError;

// The attribute message is the fallback locale's (en): `en/errors.ftl` must not give another.
#[derive(ApiError)]
#[api(locales = "../../../../tests/ui/locales/duplicate-fallback")]
enum LeadError {
    #[api(status = 404, code = "lead/not-found", message = "The lead was not found.")]
    NotFound,
}

fn main() {}
