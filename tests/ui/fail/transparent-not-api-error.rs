use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(transparent)]
    Io(std::io::Error),
}

fn main() {}
