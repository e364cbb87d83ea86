//! A handler's panic as a 500 envelope: the adapters catch it inside the request scope, so
//! the client gets the service's format with its request id, and the panic is logged once
//! through the 5xx log line, instead of a reset connection.

use std::any::Any;
#[cfg(feature = "actix-web")]
use std::future::Future;
#[cfg(feature = "actix-web")]
use std::panic::{catch_unwind, AssertUnwindSafe};
#[cfg(feature = "actix-web")]
use std::pin::Pin;
#[cfg(feature = "actix-web")]
use std::task::{Context, Poll};

use super::RequestError;

/// The error a panic becomes: a 500 whose logged reason is the panic's message.
pub(crate) fn panic_error(payload: &(dyn Any + Send)) -> RequestError {
    let message = if let Some(text) = payload.downcast_ref::<&'static str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.as_str()
    } else {
        "a panic without a message"
    };
    RequestError::Internal(format!("the handler panicked: {message}"))
}

/// A future that turns a panic while it is polled into `Err(payload)`.
///
/// Polling after a caught panic is refused the same way (the inner future may be broken).
#[cfg(feature = "actix-web")]
pub(crate) struct CatchUnwind<F> {
    inner: Option<Pin<Box<F>>>,
}

#[cfg(feature = "actix-web")]
impl<F> CatchUnwind<F> {
    pub(crate) fn new(future: F) -> Self {
        CatchUnwind {
            inner: Some(Box::pin(future)),
        }
    }
}

#[cfg(feature = "actix-web")]
impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(inner) = self.inner.as_mut() else {
            return Poll::Ready(Err(Box::new("polled after a panic")));
        };
        // The future is dropped right after a panic, so no broken state is observed.
        match catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(payload) => {
                self.inner = None;
                Poll::Ready(Err(payload))
            }
        }
    }
}
