use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "lead/not-found")]
    LeadNotFound,
    #[api(status = 410, code = "lead/gone")]
    LeadGone,
    #[api(status = 404, code = "lead/not-found")]
    LeadMissing,
}

fn main() {}
