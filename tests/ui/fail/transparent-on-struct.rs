use error_core::ApiError;

#[derive(ApiError)]
#[api(transparent)]
struct Wrapper(std::io::Error);

fn main() {}
