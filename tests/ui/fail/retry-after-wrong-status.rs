use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, message = "Not there yet.")]
    NotYet(#[api(retry_after)] u64),
    #[api(status = 503)]
    Down(#[api(retry_after)] u64),
}

fn main() {}
