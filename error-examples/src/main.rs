//! `cargo run -p error-examples`: the tour of the catalogues, then the Leads API (with the
//! `tonic` feature, over gRPC too, on a second port).

use std::net::SocketAddr;
use std::process::ExitCode;

use error_core::format::Builtin;
use error_examples::service::{self, Config};

const USAGE: &str = "\
usage: error-examples [--addr 127.0.0.1:8080] [--format flat|nested|laravel|compact|problem|aip|jsonapi|microsoft]
                      [--rate 20] [--no-tour] [--grpc-addr 127.0.0.1:50051 (feature tonic)]";

struct Args {
    addr: SocketAddr,
    #[cfg(feature = "tonic")]
    grpc_addr: SocketAddr,
    format: Builtin,
    rate: u32,
    tour: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
        #[cfg(feature = "tonic")]
        grpc_addr: SocketAddr::from(([127, 0, 0, 1], 50051)),
        format: Builtin::Flat,
        rate: 20,
        tour: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--addr" => {
                let v = value()?;
                args.addr = v.parse().map_err(|e| format!("--addr {v}: {e}"))?;
            }
            #[cfg(feature = "tonic")]
            "--grpc-addr" => {
                let v = value()?;
                args.grpc_addr = v.parse().map_err(|e| format!("--grpc-addr {v}: {e}"))?;
            }
            "--format" => args.format = value()?.parse().map_err(|e| format!("--format: {e}"))?,
            "--rate" => {
                let v = value()?;
                args.rate = match v.parse() {
                    Ok(rate) if rate > 0 => rate,
                    _ => return Err(format!("--rate {v}: expected a positive integer")),
                };
            }
            "--no-tour" => args.tour = false,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.tour {
        if let Err(err) = error_examples::tour::print(&mut std::io::stdout()) {
            eprintln!("error: writing the tour: {err}");
            return ExitCode::FAILURE;
        }
        println!();
    }
    tracing_subscriber::fmt().with_target(false).init();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: starting the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr).await?;
        let addr = listener.local_addr()?;
        print_banner(addr, args.format, args.rate);
        let config = Config {
            format: args.format,
            rate: args.rate,
            ..Config::default()
        };
        #[cfg(feature = "tonic")]
        {
            let grpc = tokio::net::TcpListener::bind(args.grpc_addr)
                .await
                .map_err(|err| {
                    std::io::Error::new(err.kind(), format!("gRPC on {}: {err}", args.grpc_addr))
                })?;
            print_grpc_banner(grpc.local_addr()?);
            let (router, state) = service::router_and_state(config);
            tokio::try_join!(
                service::serve_router(listener, router),
                service::grpc::serve(grpc, state)
            )
            .map(|_| ())
        }
        #[cfg(not(feature = "tonic"))]
        service::serve(listener, config).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}: {err}", args.addr);
            ExitCode::FAILURE
        }
    }
}

fn print_banner(addr: SocketAddr, format: Builtin, rate: u32) {
    let base = format!("http://{addr}");
    println!("Leads API on {base}  (errors in the `{format}` format, {rate} requests/s per key)");
    println!("API keys: demo-key (tenant acme, read and write), read-only-key (acme, read only),");
    println!("          other-tenant-key (tenant globex: acme's leads are 404 to it)");
    println!();
    println!("Try:");
    println!(
        "  curl -i -X POST {base}/v1/leads -H 'X-API-Key: demo-key' -H 'Content-Type: application/json' \\\n       -d '{{\"email\":\"ada@acme.com\",\"firstName\":\"Ada\",\"score\":90}}'"
    );
    println!(
        "  curl -i -X POST {base}/v1/leads -H 'X-API-Key: demo-key' -H 'Content-Type: application/json' \\\n       -d '{{\"email\":\"nope\",\"score\":101}}'                  # 422 with field errors"
    );
    println!(
        "  curl -i {base}/v1/leads/1                                            # 401, no key"
    );
    println!("  curl -i {base}/v1/leads/42 -H 'X-API-Key: demo-key'                  # 404");
    println!(
        "  curl -i {base}/v1/leads/abc -H 'X-API-Key: demo-key'                 # 400 malformed id"
    );
    println!("  curl -i -X DELETE {base}/v1/leads/1 -H 'X-API-Key: read-only-key'     # 403");
    println!("  curl -i -X POST {base}/v1/leads/1/enrich -H 'X-API-Key: demo-key'     # 3 credits, then 402");
    println!();
}

#[cfg(feature = "tonic")]
fn print_grpc_banner(addr: SocketAddr) {
    println!(
        "Leads API over gRPC on http://{addr}: leads.v1.Leads/GetLead, CreateLead, DeleteLead"
    );
    println!("  (metadata x-api-key; errors as google.rpc.Status with ErrorInfo, BadRequest, RetryInfo, RequestInfo;");
    println!("   see the README's gRPC section for a client call)");
    println!();
}
