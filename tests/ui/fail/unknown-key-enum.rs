use error_core::ApiError;

#[derive(ApiError)]
#[api(formatt = error_core::format::Flat)]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
