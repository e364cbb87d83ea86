use error_core::{ApiError, FieldErrors};

#[derive(ApiError)]
enum Error {
    #[api(status = 400, code = "validation")]
    Validation {
        #[api(fields)]
        body: FieldErrors,
        #[api(fields)]
        query: FieldErrors,
    },
}

fn main() {}
