use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 200, code = "ok")]
    Ok,
    #[api(status = 404, code = "Not Found")]
    NotFound,
    #[api(status = 409, code = "conflict", message = "Lead {idd} exists.")]
    Conflict { id: u64 },
}

fn main() {
    // The fallback implementation keeps uses of the enum compiling: no cascade.
    let _ = Error::Ok.status();
    let _ = <Error as ApiError>::CATALOGUE;
}
