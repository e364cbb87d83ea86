use error_core::ApiError;

struct Zone;

#[derive(ApiError)]
enum ComputeError {
    #[api(status = 429, message = "No capacity.")]
    Exhausted {
        #[api(meta)]
        zone: Zone,
    },
}

fn main() {}
