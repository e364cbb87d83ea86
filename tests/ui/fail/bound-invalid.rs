use error_core::ApiError;

#[derive(ApiError)]
#[api(bound = "T Display")]
enum Error<T> {
    #[api(status = 400, message = "Bad {0}.")]
    Bad(T),
}

#[derive(ApiError)]
#[api(crate = 5)]
enum Other {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
