use error_core::format::Laravel;
use error_core::ApiError;

#[derive(ApiError)]
#[api(format = Laravel::summarised())]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
