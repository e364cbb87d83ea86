use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(transparent)]
    Inner,
}

fn main() {}
