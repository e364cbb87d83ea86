use error_core::ApiError;

// The code was renamed from `lead/missing` to `lead/not-found`; the translation was not.
#[derive(ApiError)]
#[api(locales = "../../../../tests/ui/locales/orphan")]
enum LeadError {
    #[api(status = 404, code = "lead/not-found")]
    NotFound,
}

fn main() {}
