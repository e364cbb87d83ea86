use error_core::ApiError;

#[derive(ApiError)]
#[api(format = error_core::format::Flat)]
#[api(format = error_core::format::Nested)]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
