use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 400, message = "Bad value {n:w$}.")]
    Width { n: u32, w: usize },
    #[api(status = 422, message = "Bad value {x:.*}.")]
    Precision { x: f64 },
}

fn main() {}
