use error_core::ApiError;

#[derive(ApiError)]
#[api(docs = "https://docs.example.com/errors#top")]
enum LeadError {
    #[api(status = 404, docs = "docs.example.com/not-found")]
    NotFound,
    #[api(status = 410, docs = "https://docs.example.com/a page")]
    Gone,
}

fn main() {}
