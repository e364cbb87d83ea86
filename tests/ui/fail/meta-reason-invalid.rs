use error_core::ApiError;

#[derive(ApiError)]
enum LeadError {
    #[api(status = 404, code = "lead/not-found", meta(reason = "Lead_Not_Found"))]
    NotFound,
}

fn main() {}
