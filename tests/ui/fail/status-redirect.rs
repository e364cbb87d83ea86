use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 302, code = "moved")]
    Moved,
}

fn main() {}
