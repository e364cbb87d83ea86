use error_core::ApiError;

#[derive(ApiError)]
enum Error {
    #[api(status = 500, code = "database", message = "Query failed.")]
    Database {
        #[api(details)]
        query: String,
    },
}

fn main() {}
