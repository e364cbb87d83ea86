use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 401, message = "Authentication required.")]
    Unauthenticated,
}

#[derive(ApiError)]
#[api(status = 401, message = "Authentication required.")]
struct Unauthenticated;

fn main() {}
