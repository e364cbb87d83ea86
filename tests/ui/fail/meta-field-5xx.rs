use error_core::ApiError;

#[derive(ApiError)]
enum LeadError {
    #[api(status = 503, message = "Try later.")]
    Down {
        #[api(meta)]
        host: String,
    },
    #[api(status = 400)]
    Bad {
        #[api(meta, retry_after)]
        seconds: u64,
    },
}

fn main() {}
