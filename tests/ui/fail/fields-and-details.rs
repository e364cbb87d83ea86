use error_core::{ApiError, FieldErrors};

#[derive(ApiError)]
enum Error {
    #[api(status = 422, message = "Invalid leads.")]
    Invalid {
        #[api(fields)]
        fields: FieldErrors,
        #[api(details)]
        rejected: Vec<u64>,
    },
}

fn main() {}
