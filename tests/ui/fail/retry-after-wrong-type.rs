use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 429, code = "rate_limited")]
    RateLimited {
        #[api(retry_after)]
        retry_at: String,
    },
}

fn main() {}
