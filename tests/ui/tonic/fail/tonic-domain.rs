use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(tonic)]
enum LeadError {
    #[api(status = 404)]
    NotFound,
}

#[derive(Debug, ApiError)]
#[api(tonic, grpc_domain = "https://leads.example.com/")]
enum AuthError {
    #[api(status = 403)]
    Forbidden,
}

fn main() {
    // The fallback stands in for the conversions: no error here.
    let _: tonic::Status = LeadError::NotFound.into();
    let _ = tonic::Status::from(&AuthError::Forbidden);
}
