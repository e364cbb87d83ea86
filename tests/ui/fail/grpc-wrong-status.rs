use error_core::ApiError;

// `grpc` sets AIP-193's `status` without `tonic` too, and must pair with the status.
#[derive(ApiError)]
enum LeadError {
    #[api(status = 404, code = "lead/exists", grpc = "ALREADY_EXISTS")]
    Exists,
}

fn main() {}
