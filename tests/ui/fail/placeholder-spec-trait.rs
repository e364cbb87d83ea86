use error_core::ApiError;

struct Token(u8);

impl std::fmt::Display for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "token {}", self.0)
    }
}

#[derive(ApiError)]
enum Error {
    #[api(status = 400, message = "Bad token {token:e}.")]
    Bad { token: Token },
}

#[derive(ApiError)]
enum Generic<T> {
    #[api(status = 400, message = "Bad value {0:?}.")]
    Bad(T),
}

fn main() {
    struct NotDebug;
    let _ = <Generic<NotDebug> as ApiError>::CATALOGUE;
    let _ = error_core::ApiError::code(&Generic::Bad(NotDebug));
}
