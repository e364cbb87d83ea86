use error_core::ApiError;

#[derive(ApiError)]
#[api(locales = "../../../../tests/ui/locales/server-error")]
enum LeadError {
    #[api(status = 500, message = "Internal server error.")]
    Database { query: String },
}

fn main() {}
