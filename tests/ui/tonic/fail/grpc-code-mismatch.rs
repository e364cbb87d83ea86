use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(tonic, grpc_domain = "leads.example.com")]
enum LeadError {
    // ALREADY_EXISTS says what the client tried to create exists: not a 404.
    #[api(status = 404, code = "lead/not-found", grpc = "ALREADY_EXISTS")]
    NotFound,
    // A 409 may say ALREADY_EXISTS or ABORTED, not NOT_FOUND.
    #[api(status = 409, code = "lead/edit-conflict", grpc = "NOT_FOUND")]
    EditConflict,
    // OK is not an error.
    #[api(status = 500, code = "internal", grpc = "OK")]
    Internal,
}

fn main() {}
