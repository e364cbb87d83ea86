use error_core::ApiError;

#[derive(ApiError)]
enum LeadError {
    #[api(status = 400, code = "bad_argument", meta(ms_code = "bad-argument"))]
    BadArgument,
}

fn main() {}
