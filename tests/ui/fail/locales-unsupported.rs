use error_core::ApiError;

#[derive(ApiError)]
#[api(locales = "../../../../tests/ui/locales/unsupported")]
enum LeadError {
    #[api(status = 422, code = "leads/invalid", message = "{count} leads are invalid.")]
    Invalid { count: u32 },
}

fn main() {}
