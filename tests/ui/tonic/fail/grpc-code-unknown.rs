use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(tonic, grpc_domain = "leads.example.com")]
enum LeadError {
    #[api(status = 409, code = "lead/edit-conflict", grpc = "ABORT")]
    EditConflict,
    #[api(status = 404, code = "lead/not-found", grpc = "NotFound")]
    NotFound,
    #[api(status = 400, code = "lead/invalid", grpc = "BAD_REQUEST")]
    Invalid,
}

fn main() {}
