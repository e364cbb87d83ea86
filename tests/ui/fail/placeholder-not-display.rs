use error_core::ApiError;

struct LeadId(u64);

#[derive(ApiError)]
enum Error {
    #[api(status = 404, code = "not_found", message = "Lead {id} was not found.")]
    NotFound { id: LeadId },
}

fn main() {}
