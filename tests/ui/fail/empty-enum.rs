use error_core::ApiError;

#[derive(ApiError)]
enum Error {}

fn main() {}
