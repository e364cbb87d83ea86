use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 502, code = "upstream", message = "The upstream service failed.", expose)]
    Upstream(String),
}

fn main() {}
