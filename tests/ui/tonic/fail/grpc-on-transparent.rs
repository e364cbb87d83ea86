use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(tonic, grpc_domain = "leads.example.com")]
enum Inner {
    #[api(status = 409)]
    Conflict,
}

#[derive(Debug, ApiError)]
#[api(tonic, grpc_domain = "leads.example.com")]
enum Outer {
    #[api(transparent, grpc = "ABORTED")]
    Inner(Inner),
}

fn main() {}
