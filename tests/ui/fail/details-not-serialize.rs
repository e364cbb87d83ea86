use error_core::ApiError;

struct Quota {
    used: u64,
}

#[derive(ApiError)]
enum Error {
    #[api(status = 402, code = "quota")]
    Quota(#[api(details)] Quota),
}

fn main() {}
