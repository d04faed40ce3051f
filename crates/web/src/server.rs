//! The server loop: hyper's HTTP/1 connections over the router, with what `axum::serve` does not
//! set: a header-read timeout, a write timeout, a cap on connections served at once and one per
//! client address, and the client seen through trusted proxies. Shutdown is graceful as before:
//! no new connections, requests in flight finish within the grace period.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::{Pin, pin};
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
use tokio_io_timeout::TimeoutStream;
use tower::ServiceExt;

use crate::clients::{Connections, Held, client_of};
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
    let per_client = Connections::new(protections.max_client_connections);
    let trusted: Arc<[IpAddr]> = protections
        .trusted_proxies
        .iter()
        .map(|ip| ip.to_canonical())
        .collect();
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
        let ip = peer.ip().to_canonical();
        let uncapped = trusted.contains(&ip) || (ip.is_loopback() && !protections.meter_loopback);
        let held = if uncapped {
            None
        } else {
            match per_client.admit(ip) {
                Some(held) => Some(held),
                // Over its share: closed at once, so it costs this client and no one else.
                None => continue,
            }
        };
        let mut stream = Box::pin(TimeoutStream::new(stream));
        stream
            .as_mut()
            .set_write_timeout_pinned(Some(protections.write_timeout));
        tokio::spawn(serve_connection(
            http.clone(),
            router.clone(),
            stream,
            Peer {
                address: peer,
                trusted: trusted.clone(),
            },
            stopping.clone(),
            (slot, held),
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
    stream: Pin<Box<TimeoutStream<TcpStream>>>,
    peer: Peer,
    mut stopping: watch::Receiver<bool>,
    slot: (OwnedSemaphorePermit, Option<Held>),
) {
    // The router sees the client as `axum::serve` showed the peer (the per-client budget and
    // the sign-in read it), seen through a trusted proxy.
    let Peer { address, trusted } = peer;
    let service = router.map_request(move |mut request: Request<Incoming>| {
        let client = client_of(address.ip(), request.headers(), &trusted);
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::new(client, address.port())));
        request
    });
    let peer = address;
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

/// The other end of a connection, and whom to believe about the client behind it.
struct Peer {
    address: SocketAddr,
    trusted: Arc<[IpAddr]>,
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
