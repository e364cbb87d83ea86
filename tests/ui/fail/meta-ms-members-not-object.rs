use error_core::ApiError;

#[derive(ApiError)]
enum PolicyError {
    #[api(
        status = 400,
        code = "password_too_short",
        meta(ms_members = r#"["minLength", "6"]"#)
    )]
    PasswordTooShort,
}

fn main() {}
