use error_core::ApiError;

#[derive(Debug, ApiError)]
#[api(tonic, grpc_domain = "leads.example.com")]
enum AuthError {
    // The reason `2FA_REQUIRED` would start with a digit.
    #[api(status = 401, code = "2fa_required", www_authenticate = "Bearer")]
    TwoFactor,
    // The default code `ok` would make the reason `OK`, too short.
    #[api(status = 403)]
    Ok,
}

fn main() {}
