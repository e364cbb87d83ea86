use error_core::ApiError;

#[derive(ApiError)]
#[api(format = "flat")]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
