use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "not_found", message = "Lead {lead_idd} was not found.")]
    NotFound { lead_id: u64 },
}

fn main() {}
