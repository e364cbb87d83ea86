use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 404, mesage = "Lead not found.")]
    NotFound,
}

fn main() {}
