use error_core::ApiError;

#[derive(ApiError)]
#[api(status = 503)]
enum Error {
    #[api(code = "upstream", message = "Upstream {host} is down.")]
    Upstream { host: String },
}

fn main() {}
