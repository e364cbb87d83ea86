use error_core::ApiError;

#[derive(ApiError)]
#[api(locales = "no-such-folder")]
enum LeadError {
    #[api(status = 404, message = "Not found.")]
    NotFound,
}

fn main() {}
