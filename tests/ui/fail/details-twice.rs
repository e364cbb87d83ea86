use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 402, code = "quota")]
    Quota(#[api(details)] u64, #[api(details)] u64),
}

fn main() {}
