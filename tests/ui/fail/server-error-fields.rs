use error_core::{ApiError, FieldErrors};

#[derive(ApiError)]
enum Error {
    #[api(status = 502, code = "upstream", message = "The upstream rejected the request.")]
    Upstream(#[api(fields)] FieldErrors),
}

fn main() {}
