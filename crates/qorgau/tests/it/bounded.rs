//! Bounded by construction: the metrics' labels stay in closed sets whatever clients send,
//! `/metrics` asks for its token, a body over its route's limit and a client over its budget are
//! refused with problem documents, and the server closes a connection that does not send a
//! request's head in time, serving no more connections at once than its cap.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use qorgau_web::{Budget, Protections};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::kit::{Reply, api, databases, router, send, state};

const TOKEN: &str = "metrics-token-for-the-bounded-tests";

fn with_metrics_token() -> Protections {
    Protections {
        metrics_token: Some(TOKEN.into()),
        ..Protections::default()
    }
}

fn assert_problem(reply: &Reply, status: StatusCode) {
    assert_eq!(reply.status, status, "{}", reply.text());
    assert_eq!(reply.content_type(), "application/problem+json");
    assert_eq!(reply.json()["status"], status.as_u16());
}

/// The labels of one exposition line: `name{a="x",b="y"} 3` gives a -> x, b -> y.
fn labels_of(line: &str) -> HashMap<&str, &str> {
    let inside = line
        .split_once('{')
        .and_then(|(_, rest)| rest.rsplit_once('}'))
        .map_or("", |(inside, _)| inside);
    inside
        .split("\",")
        .filter_map(|pair| pair.split_once("=\""))
        .map(|(name, value)| (name, value.trim_end_matches('"')))
        .collect()
}

#[tokio::test]
async fn metric_labels_stay_in_closed_sets_whatever_clients_send() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let router = qorgau_web::router_with(state(&app), &with_metrics_token());
    for (method, path) in [
        ("BREW", "/no/such/path/bounded-invented-1"),
        ("BREW", "/healthz"),
        ("GET", "/no/such/path/bounded-invented-2"),
        ("X-INVENTED-METHOD-42", "/api/v1/users"),
    ] {
        let reply = send(&router, api(method, path, None, None)).await;
        assert!(
            reply.status.is_client_error(),
            "{method} {path}: {}",
            reply.status
        );
    }
    let scraped = send(&router, api("GET", "/metrics", Some(TOKEN), None)).await;
    assert_eq!(scraped.status, StatusCode::OK);
    let text = scraped.text();
    assert!(
        !text.contains("BREW") && !text.contains("X-INVENTED"),
        "{text}"
    );
    assert!(!text.contains("bounded-invented"), "{text}");
    let mut invented_unmatched = false;
    let mut invented_on_a_route = false;
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("qorgau_http_requests_total{"))
        .collect();
    assert!(!lines.is_empty(), "{text}");
    for line in lines {
        let labels = labels_of(line);
        let (method, route, status) = (labels["method"], labels["route"], labels["status"]);
        assert!(
            [
                "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other"
            ]
            .contains(&method),
            "{line}"
        );
        assert!(
            ["1xx", "2xx", "3xx", "4xx", "5xx"].contains(&status),
            "{line}"
        );
        assert!(route == "unmatched" || route.starts_with('/'), "{line}");
        invented_unmatched |= method == "other" && route == "unmatched" && status == "4xx";
        invented_on_a_route |= method == "other" && route == "/healthz" && status == "4xx";
    }
    assert!(invented_unmatched, "{text}");
    assert!(invented_on_a_route, "{text}");
}

#[tokio::test]
async fn metrics_ask_for_their_token_and_are_not_served_without_one() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let guarded = qorgau_web::router_with(state(&app), &with_metrics_token());
    let none = send(&guarded, api("GET", "/metrics", None, None)).await;
    assert_problem(&none, StatusCode::UNAUTHORIZED);
    let almost = &TOKEN[..TOKEN.len() - 1];
    let wrong = send(&guarded, api("GET", "/metrics", Some(almost), None)).await;
    assert_problem(&wrong, StatusCode::UNAUTHORIZED);
    let right = send(&guarded, api("GET", "/metrics", Some(TOKEN), None)).await;
    assert_eq!(right.status, StatusCode::OK);
    assert!(right.text().contains("qorgau_http_requests_total"));
    // Without a token configured the public listener does not serve /metrics at all.
    let open = router(&app);
    let unserved = send(&open, api("GET", "/metrics", Some(TOKEN), None)).await;
    assert_problem(&unserved, StatusCode::NOT_FOUND);
}

fn post(path: &str, content_type: &str, body: Vec<u8>, declare_length: bool) -> Request<Body> {
    let mut builder = Request::builder()
        .method("POST")
        .uri(path)
        .header(header::CONTENT_TYPE, content_type);
    if declare_length {
        builder = builder.header(header::CONTENT_LENGTH, body.len());
    }
    builder.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn a_body_over_its_routes_limit_is_refused_with_a_problem() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let router = router(&app);
    let over = vec![b'x'; qorgau_web::BODY_LIMIT + 1];
    // A declared length over the limit is refused before a byte is read.
    let declared = send(
        &router,
        post("/api/v1/users", "application/json", over.clone(), true),
    )
    .await;
    assert_problem(&declared, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        declared.json()["detail"]
            .as_str()
            .unwrap()
            .contains("at most"),
        "{}",
        declared.text()
    );
    // A body without a length is cut where it passes the limit; the webhook reads its body
    // before anything else, and its extractor's plain 413 leaves as a problem too.
    let streamed = send(
        &router,
        post(
            "/api/v1/channels/events",
            "application/json",
            over.clone(),
            false,
        ),
    )
    .await;
    assert_problem(&streamed, StatusCode::PAYLOAD_TOO_LARGE);
    // The CSV imports take more: the same body reaches the import route, which refuses it for
    // want of a token, not for its size...
    let import = send(
        &router,
        post("/api/v1/safety/incidents/import", "text/csv", over, true),
    )
    .await;
    assert_eq!(import.status, StatusCode::UNAUTHORIZED, "{}", import.text());
    // ...and a body over the imports' own limit is refused there too.
    let huge = vec![b'x'; qorgau_web::IMPORT_BODY_LIMIT + 1];
    let refused = send(
        &router,
        post("/api/v1/safety/incidents/import", "text/csv", huge, true),
    )
    .await;
    assert_problem(&refused, StatusCode::PAYLOAD_TOO_LARGE);
}

/// A request as the server loop hands it over: with the peer it came from.
fn from(peer: [u8; 4], path: &str) -> Request<Body> {
    let mut request = api("GET", path, None, None);
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((peer, 40_000))));
    request
}

#[tokio::test]
async fn a_client_over_its_budget_gets_429_while_health_and_other_clients_are_served() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    // Three requests at once, then one every thousand seconds: no refill during the test.
    let tiny = Protections {
        client_budget: Some(Budget {
            per_second: 0.001,
            burst: 3,
        }),
        ..Protections::default()
    };
    let router = qorgau_web::router_with(state(&app), &tiny);
    let client = [203, 0, 113, 7];
    for _ in 0..3 {
        let reply = send(&router, from(client, "/no/such/page")).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
    }
    let refused = send(&router, from(client, "/no/such/page")).await;
    assert_problem(&refused, StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = refused.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry >= 1, "{retry}");
    // Health and readiness are never metered.
    for path in ["/healthz", "/readyz"] {
        assert_eq!(
            send(&router, from(client, path)).await.status,
            StatusCode::OK
        );
    }
    // Another client has a budget of its own.
    let other = send(&router, from([198, 51, 100, 9], "/no/such/page")).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    // Loopback is not metered unless asked.
    for _ in 0..5 {
        let local = send(&router, from([127, 0, 0, 1], "/no/such/page")).await;
        assert_eq!(local.status, StatusCode::NOT_FOUND);
    }
    let metered = qorgau_web::router_with(
        state(&app),
        &Protections {
            meter_loopback: true,
            ..tiny
        },
    );
    let statuses: Vec<StatusCode> = {
        let mut statuses = Vec::new();
        for _ in 0..4 {
            statuses.push(
                send(&metered, from([127, 0, 0, 1], "/no/such/page"))
                    .await
                    .status,
            );
        }
        statuses
    };
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
}

/// Sends one whole request on a new connection and reads the answer to its end.
async fn get(address: SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("answered within 5 s")
        .expect("read the answer");
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn the_server_closes_a_connection_that_does_not_send_its_head_in_time() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(qorgau_web::serve_with(
        state(&app),
        listener,
        async move {
            let _ = stopped.await;
        },
        Protections {
            header_read_timeout: Duration::from_secs(1),
            max_connections: 2,
            ..Protections::default()
        },
    ));
    // Two clients send half a head each and hold both slots.
    let mut slow = Vec::new();
    for _ in 0..2 {
        let mut stream = TcpStream::connect(address).await.unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n")
            .await
            .unwrap();
        slow.push(stream);
    }
    // A third sends a whole request; it waits in the backlog for a slot.
    let mut third = TcpStream::connect(address).await.unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let waiting = Instant::now();
    // The slow ones are closed within the timeout and two seconds...
    for mut stream in slow {
        let mut rest = Vec::new();
        let closed =
            tokio::time::timeout(Duration::from_secs(3), stream.read_to_end(&mut rest)).await;
        assert!(
            closed.is_ok(),
            "a connection that sent half a head was still open after 3 s"
        );
    }
    // ...and then the third is served, having waited for a slot.
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(3), third.read_to_end(&mut answer))
        .await
        .expect("the waiting connection is served once a slot is free")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        waiting.elapsed() >= Duration::from_millis(250),
        "the third connection was served while both slots were held: {:?}",
        waiting.elapsed()
    );
    // The server stops when signalled.
    let _ = stop.send(());
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server stops when signalled")
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn the_server_meters_each_connections_peer() {
    let db = databases().await.remove(0);
    let app = db.app().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(qorgau_web::serve_with(
        state(&app),
        listener,
        std::future::pending::<()>(),
        Protections {
            client_budget: Some(Budget {
                per_second: 0.001,
                burst: 1,
            }),
            meter_loopback: true,
            ..Protections::default()
        },
    ));
    assert!(
        get(address, "/no/such/page")
            .await
            .starts_with("HTTP/1.1 404")
    );
    let refused = get(address, "/no/such/page").await;
    assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
    assert!(
        refused.to_ascii_lowercase().contains("retry-after:"),
        "{refused}"
    );
    assert!(get(address, "/healthz").await.starts_with("HTTP/1.1 200"));
    server.abort();
}
