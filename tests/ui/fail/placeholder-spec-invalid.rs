use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400, message = "Bad value {x:z}.")]
    Bad { x: u32 },
}

fn main() {}
