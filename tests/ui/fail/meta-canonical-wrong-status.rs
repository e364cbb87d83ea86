use error_core::ApiError;

#[derive(ApiError)]
enum LeadError {
    #[api(status = 404, code = "lead/exists", meta(canonical = "ALREADY_EXISTS"))]
    Exists,
}

fn main() {}
