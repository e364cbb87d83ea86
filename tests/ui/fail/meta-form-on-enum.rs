use error_core::ApiError;

#[derive(ApiError)]
#[api(meta(reason = "LEAD_ERROR"))]
enum LeadError {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
