use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400, message = "Bad value at {x:p}.")]
    Bad { x: String },
}

fn main() {}
