use error_core::ApiError;

// `NotFound` gives no `message`, and `en/errors.ftl` has none for `lead/not-found`.
#[derive(ApiError)]
#[api(locales = "../../../../tests/ui/locales/missing-fallback")]
enum LeadError {
    #[api(status = 404, code = "lead/not-found")]
    NotFound,
    #[api(status = 409, code = "lead/duplicate")]
    Duplicate,
}

fn main() {}
