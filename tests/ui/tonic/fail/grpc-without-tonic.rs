use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(grpc_domain = "leads.example.com")]
enum LeadError {
    #[api(status = 409, code = "lead/edit-conflict", grpc = "ABORTED")]
    EditConflict,
}

fn main() {}
