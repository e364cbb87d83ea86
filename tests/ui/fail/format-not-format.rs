use error_core::ApiError;

struct MyFormat;

#[derive(ApiError)]
#[api(format = MyFormat)]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
