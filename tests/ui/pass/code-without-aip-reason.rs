//! Codes that make no AIP-193 reason or PascalCase code still compile: the reason falls
//! back to the canonical status name, the Microsoft code to the variant's name.
use error_core::format::{Aip, Microsoft};
use error_core::{ApiError, RenderContext, Timestamp};

#[derive(ApiError)]
enum AuthError {
    #[api(status = 401, code = "2fa", www_authenticate = "Bearer")]
    SecondFactor,
    #[api(status = 400, code = "no")]
    No,
}

fn main() {
    let ctx = RenderContext::at(Timestamp::from_unix_millis(0));
    let mut out = Vec::new();
    AuthError::No.render_into(&Aip, &ctx, &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"error":{"code":400,"message":"Bad Request","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID_ARGUMENT"}]}}"#
    );
    let mut out = Vec::new();
    AuthError::SecondFactor.render_into(&Microsoft, &ctx, &mut out);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        r#"{"error":{"code":"SecondFactor","message":"Unauthorized"}}"#
    );
}
