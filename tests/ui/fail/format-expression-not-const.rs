use error_core::format::Aip;
use error_core::ApiError;

fn domain() -> &'static str {
    "leads.example.com"
}

#[derive(ApiError)]
#[api(format = Aip::with_domain(domain()))]
enum Error {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
