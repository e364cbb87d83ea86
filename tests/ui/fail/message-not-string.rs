use error_core::ApiError;

const MESSAGE: &str = "Lead not found.";

#[derive(ApiError)]
enum Error {
    #[api(status = 404, message = MESSAGE)]
    NotFound,
}

fn main() {}
