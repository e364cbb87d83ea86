//! The Leads API over gRPC (feature `tonic`): `leads.v1.Leads` with `GetLead`,
//! `CreateLead` and `DeleteLead`, on the same store, keys, throttles and rate limits as the
//! HTTP routes, and the same `LeadError`, sent as a `tonic::Status` through the conversion
//! the derive generates (`#[api(tonic, grpc_domain = "leads.example.com")]`).
//!
//! No `.proto` and no codegen: the messages are hand-written prost structs and the service
//! routes the three paths through tonic's `server::Grpc` with the prost codec, so nothing
//! needs `protoc`. The equivalent proto:
//!
//! ```proto
//! package leads.v1;
//! service Leads {
//!   rpc GetLead(LeadId) returns (LeadMessage) { option idempotency_level = NO_SIDE_EFFECTS; }
//!   rpc CreateLead(NewLeadMessage) returns (LeadMessage);
//!   rpc DeleteLead(LeadId) returns (Empty) { option idempotency_level = IDEMPOTENT; }
//! }
//! message LeadId { uint64 id = 1; }
//! message NewLeadMessage { optional string email = 1; optional string first_name = 2;
//!                          optional uint32 score = 3; optional string phone = 4; }
//! message LeadMessage { uint64 id = 1; string email = 2; string first_name = 3;
//!                       uint32 score = 4; optional string phone = 5; optional string company = 6; }
//! message Empty {}
//! ```
//!
//! Metadata: `x-api-key` (required, as the HTTP header), `x-request-id` (optional; echoed in
//! `google.rpc.RequestInfo` when it is a valid request id, else a fresh one is sent).
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use error_examples::service::{self, grpc, Config};
//!
//! let (router, state) = service::router_and_state(Config::default());
//! let http = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! let grpc = tokio::net::TcpListener::bind("127.0.0.1:50051").await?;
//! tokio::try_join!(service::serve_router(http, router), grpc::serve(grpc, state))?;
//! # Ok(())
//! # }
//! ```

use std::convert::Infallible;
use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::http;
use error_core::http::{ErrorSettings, RequestId, RequestScope};
use error_core::{FieldErrors, FieldPath};
use tonic::server::{Grpc, UnaryService};
use tonic_prost::ProstCodec;

use super::auth::{authorize, Caller};
use super::store::Lead;
use super::validate::{check, NewLead};
use super::{AppState, LeadError, BODY_LIMIT};

/// `leads.v1.Leads/GetLead`.
pub const GET_LEAD: &str = "/leads.v1.Leads/GetLead";
/// `leads.v1.Leads/CreateLead`.
pub const CREATE_LEAD: &str = "/leads.v1.Leads/CreateLead";
/// `leads.v1.Leads/DeleteLead`.
pub const DELETE_LEAD: &str = "/leads.v1.Leads/DeleteLead";

/// The id of a lead.
#[derive(Clone, PartialEq, prost::Message)]
pub struct LeadId {
    /// The id.
    #[prost(uint64, tag = "1")]
    pub id: u64,
}

/// A lead to create: every field optional on the wire, so that validation reports all
/// missing fields at once, as `POST /v1/leads` does.
#[derive(Clone, PartialEq, prost::Message)]
pub struct NewLeadMessage {
    /// Required, a valid email.
    #[prost(string, optional, tag = "1")]
    pub email: Option<String>,
    /// Required, not blank, at most 100 characters.
    #[prost(string, optional, tag = "2")]
    pub first_name: Option<String>,
    /// Required, 0 to 100.
    #[prost(uint32, optional, tag = "3")]
    pub score: Option<u32>,
    /// Optional; 7 to 15 digits.
    #[prost(string, optional, tag = "4")]
    pub phone: Option<String>,
}

/// A stored lead.
#[derive(Clone, PartialEq, prost::Message)]
pub struct LeadMessage {
    /// Its id.
    #[prost(uint64, tag = "1")]
    pub id: u64,
    /// Its email.
    #[prost(string, tag = "2")]
    pub email: String,
    /// The first name.
    #[prost(string, tag = "3")]
    pub first_name: String,
    /// 0 to 100.
    #[prost(uint32, tag = "4")]
    pub score: u32,
    /// The phone number, if any.
    #[prost(string, optional, tag = "5")]
    pub phone: Option<String>,
    /// The company, once enriched.
    #[prost(string, optional, tag = "6")]
    pub company: Option<String>,
}

/// No content.
#[derive(Clone, Copy, PartialEq, prost::Message)]
pub struct Empty {}

impl From<Lead> for LeadMessage {
    fn from(lead: Lead) -> Self {
        LeadMessage {
            id: lead.id,
            email: lead.email,
            first_name: lead.first_name,
            score: u32::from(lead.score),
            phone: lead.phone,
            company: lead.company,
        }
    }
}

fn get_lead(app: &AppState, caller: Caller, request: LeadId) -> Result<LeadMessage, LeadError> {
    let id = request.id;
    app.with_store(|store| store.get(caller.tenant, id).cloned())
        .map(LeadMessage::from)
        .ok_or(LeadError::NotFound { id })
}

fn create_lead(
    app: &AppState,
    caller: Caller,
    request: NewLeadMessage,
) -> Result<LeadMessage, LeadError> {
    let new = NewLead {
        email: request.email,
        first_name: request.first_name,
        score: request.score.map(serde_json::Number::from),
        phone: request.phone,
    };
    let mut errors = FieldErrors::new();
    let Some(mut lead) = check(&new, &FieldPath::new(), &mut errors) else {
        return Err(LeadError::Validation(errors));
    };
    lead.tenant = caller.tenant;
    let max = app.config().max_leads;
    let stored = app.with_store(|store| {
        if store.has_email(caller.tenant, &lead.email) {
            return Err(LeadError::DuplicateEmail {
                email: lead.email.clone(),
            });
        }
        store
            .insert_all(vec![lead], max)
            .map_err(|_| LeadError::StoreFull)
    })?;
    stored
        .into_iter()
        .next()
        .map(LeadMessage::from)
        .ok_or(LeadError::StoreFull)
}

fn delete_lead(app: &AppState, caller: Caller, request: LeadId) -> Result<Empty, LeadError> {
    let id = request.id;
    app.with_store(|store| store.remove(caller.tenant, id))
        .map(|_| Empty {})
        .ok_or(LeadError::NotFound { id })
}

type Handler<Req, Resp> = fn(&AppState, Caller, Req) -> Result<Resp, LeadError>;

/// One method: authorization as over HTTP, the handler, and its error as a `tonic::Status`
/// converted in the request's scope (so `RequestInfo` carries its id, and a 5xx logs it).
struct Method<Req, Resp> {
    app: AppState,
    reads: bool,
    handler: Handler<Req, Resp>,
}

impl<Req, Resp> UnaryService<Req> for Method<Req, Resp> {
    type Response = Resp;
    type Future = Ready<Result<tonic::Response<Resp>, tonic::Status>>;

    fn call(&mut self, request: tonic::Request<Req>) -> Self::Future {
        let metadata = request.metadata();
        let request_id =
            RequestId::from_client(metadata.get("x-request-id").map(|value| value.as_bytes()));
        let presented = metadata.get("x-api-key").map(|value| value.as_bytes());
        let caller = authorize(&self.app, presented, request.remote_addr(), self.reads);
        let result =
            caller.and_then(|caller| (self.handler)(&self.app, caller, request.into_inner()));
        ready(match result {
            Ok(reply) => Ok(tonic::Response::new(reply)),
            Err(error) => {
                let scope = RequestScope::new(request_id, ErrorSettings::new());
                Err(scope.sync(|| tonic::Status::from(error)))
            }
        })
    }
}

/// The `leads.v1.Leads` service, a tower service over HTTP/2 requests, for
/// `tonic::transport::Server` (or any server of tonic's bodies).
#[derive(Clone)]
pub struct LeadsService {
    app: AppState,
}

impl LeadsService {
    /// The service over the state of a router from
    /// [`router_and_state`](super::router_and_state): one store for both transports.
    pub fn new(app: AppState) -> Self {
        LeadsService { app }
    }

    fn method<Req, Resp>(&self, reads: bool, handler: Handler<Req, Resp>) -> Method<Req, Resp> {
        Method {
            app: self.app.clone(),
            reads,
            handler,
        }
    }
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// A message is at most the HTTP body limit, 64 KiB (tonic's default is 4 MiB).
fn codec<Req, Resp>(codec: ProstCodec<Resp, Req>) -> Grpc<ProstCodec<Resp, Req>>
where
    Req: prost::Message + Default + 'static,
    Resp: prost::Message + 'static,
{
    Grpc::new(codec).max_decoding_message_size(BODY_LIMIT)
}

impl tower_service::Service<http::Request<tonic::body::Body>> for LeadsService {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        let service = self.clone();
        Box::pin(async move {
            let response = match request.uri().path() {
                GET_LEAD => {
                    let method = service.method(true, get_lead);
                    codec(ProstCodec::default()).unary(method, request).await
                }
                CREATE_LEAD => {
                    let method = service.method(false, create_lead);
                    codec(ProstCodec::default()).unary(method, request).await
                }
                DELETE_LEAD => {
                    let method = service.method(false, delete_lead);
                    codec(ProstCodec::default()).unary(method, request).await
                }
                _ => tonic::Status::unimplemented("no such method").into_http(),
            };
            Ok(response)
        })
    }
}

/// Serves `leads.v1.Leads` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, app: AppState) -> std::io::Result<()> {
    let incoming = tonic::transport::server::TcpIncoming::from(listener);
    tonic::transport::Server::builder()
        .serve_with_incoming(LeadsService::new(app), incoming)
        .await
        .map_err(std::io::Error::other)
}
