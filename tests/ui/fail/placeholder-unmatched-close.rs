use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400, code = "bad_json", message = "Expected } at the end.")]
    BadJson,
}

fn main() {}
