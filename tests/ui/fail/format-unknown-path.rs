use error_core::ApiError;

#[derive(ApiError)]
#[api(format = error_core::format::Json)]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
