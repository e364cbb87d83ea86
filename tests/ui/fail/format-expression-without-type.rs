use error_core::format::Aip;
use error_core::ApiError;

fn service_format() -> Aip {
    Aip::with_domain("leads.example.com")
}

#[derive(ApiError)]
#[api(format = service_format())]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
