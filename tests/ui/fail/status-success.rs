use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 200, code = "ok")]
    Ok,
}

fn main() {}
