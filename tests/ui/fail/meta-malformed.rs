use error_core::ApiError;

#[derive(ApiError)]
#[api(meta(domain = leads))]
enum LeadError {
    #[api(status = 404, meta(domain = "a", domain = "b"))]
    NotFound,
    #[api(status = 410, meta = "x")]
    Gone,
}

fn main() {}
