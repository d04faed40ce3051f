//! The server loop: hyper's HTTP/1 connections over the router, with what `axum::serve` does not
//! set: a header-read timeout and a cap on connections served at once. Shutdown is graceful as
//! before: no new connections, requests in flight finish within the grace period.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tower::ServiceExt;

use crate::limits::Protections;

pub(crate) async fn run(
    router: Router,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
    protections: &Protections,
    grace: Duration,
) -> std::io::Result<()> {
    // One permit a connection. Waiting for all of them back is waiting for every connection to
    // close, so the cap must fit `acquire_many`'s u32.
    let cap = protections
        .max_connections
        .clamp(1, Semaphore::MAX_PERMITS.min(u32::MAX as usize));
    let slots = Arc::new(Semaphore::new(cap));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(protections.header_read_timeout);
    let http = Arc::new(http);
    let (stop, stopping) = watch::channel(false);
    let mut shutdown = pin!(shutdown);
    loop {
        // A slot first, then the connection: past the cap, connections wait in the listen
        // backlog rather than each holding a file descriptor and a task.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    pause_after(error).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        tokio::spawn(serve_connection(
            http.clone(),
            router.clone(),
            stream,
            peer,
            stopping.clone(),
            slot,
        ));
    }
    drop(listener);
    let _ = stop.send(true);
    let all = u32::try_from(cap).unwrap_or(u32::MAX);
    if tokio::time::timeout(grace, slots.acquire_many(all))
        .await
        .is_err()
    {
        tracing::warn!("requests still running after the grace period; stopping anyway");
    }
    Ok(())
}

/// Serves one connection until it closes, or until shutdown, when the request in flight
/// finishes first. The slot is given back when the connection ends.
async fn serve_connection(
    http: Arc<http1::Builder>,
    router: Router,
    stream: TcpStream,
    peer: SocketAddr,
    mut stopping: watch::Receiver<bool>,
    slot: OwnedSemaphorePermit,
) {
    // The router sees the peer as `axum::serve` showed it (the per-client budget reads it).
    let service = router.map_request(move |mut request: Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        request
    });
    let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    let mut connection = pin!(connection);
    let mut asked_to_stop = false;
    loop {
        tokio::select! {
            ended = connection.as_mut() => {
                if let Err(error) = ended {
                    tracing::debug!(%error, %peer, "connection ended with an error");
                }
                break;
            }
            // A closed channel (the loop is gone) is a signal too; asked once, never again.
            _ = stopping.changed(), if !asked_to_stop => {
                asked_to_stop = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
    drop(slot);
}

/// After an error from `accept`. A connection reset before it was accepted is that client's
/// affair; anything else (out of file descriptors, most often) eases only as connections close,
/// so the loop waits a second instead of spinning.
async fn pause_after(error: std::io::Error) {
    use std::io::ErrorKind;
    if !matches!(
        error.kind(),
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset
    ) {
        tracing::warn!(%error, "cannot accept a connection; trying again in a second");
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
