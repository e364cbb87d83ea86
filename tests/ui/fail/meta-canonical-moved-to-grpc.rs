use error_core::ApiError;

#[derive(ApiError)]
enum LeadError {
    #[api(status = 409, code = "lead/exists", meta(canonical = "ALREADY_EXIST"))]
    Exists,
}

fn main() {}
