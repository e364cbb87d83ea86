use error_core::ApiError;

#[derive(ApiError)]
#[api(locales = "../../../../tests/ui/locales/syntax-error")]
enum LeadError {
    #[api(status = 404, code = "lead/not-found")]
    NotFound { id: u64 },
}

fn main() {}
