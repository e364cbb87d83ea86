use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 499, code = "client_closed")]
    ClientClosed,
}

fn main() {}
