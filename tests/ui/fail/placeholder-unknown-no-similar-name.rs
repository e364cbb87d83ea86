use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 409, code = "conflict", message = "Lead {id} conflicts with {other_lead}.")]
    Conflict { id: u64, owner: String },
}

fn main() {}
