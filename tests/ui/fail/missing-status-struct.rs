use error_core::ApiError;

#[derive(ApiError)]
#[api(code = "rate_limited")]
struct RateLimited;

fn main() {}
