//! Who is at the other end: the client address of a connection, seen through the reverse proxies
//! the operator trusts, and the connections each client holds at once.
//!
//! Behind a reverse proxy every connection comes from the proxy; the client it serves is the
//! last address the proxy appended to `X-Forwarded-For`. That header is believed only from a
//! trusted proxy's connection, and only up to the first address that is not another trusted
//! proxy: whatever a client writes into the header itself stands further left and is never read.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex, PoisonError};

use axum::http::HeaderMap;

/// The client a request comes from: the connection's peer, or, when the peer is a trusted proxy,
/// the nearest address in `X-Forwarded-For` that is not one. A header that cannot be read leaves
/// the peer.
pub(crate) fn client_of(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = peer.to_canonical();
    if !trusted.contains(&peer) {
        return peer;
    }
    // Split as bytes: one unreadable byte in what the client wrote into the header must not
    // hide the address the proxy appended after it.
    let forwarded: Vec<&[u8]> = headers
        .get_all("x-forwarded-for")
        .iter()
        .flat_map(|value| value.as_bytes().split(|byte| *byte == b','))
        .collect();
    let mut client = peer;
    for hop in forwarded.iter().rev() {
        let Some(address) = std::str::from_utf8(hop)
            .ok()
            .and_then(|hop| hop.trim().parse::<IpAddr>().ok())
        else {
            break;
        };
        client = address.to_canonical();
        if !trusted.contains(&client) {
            break;
        }
    }
    client
}

/// The key a client's connections and budget count under: an IPv6 client holds a whole /64 (one
/// host's share), so its addresses count together.
pub(crate) fn client_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            IpAddr::V6(Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// The connections each client address holds open, each at most `cap`.
pub(crate) struct Connections {
    cap: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One connection's place in its client's count, given back when dropped.
pub(crate) struct Held {
    connections: Arc<Connections>,
    client: IpAddr,
}

impl Drop for Held {
    fn drop(&mut self) {
        let mut open = self
            .connections
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.client) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.client);
            }
        }
    }
}

impl Connections {
    pub(crate) fn new(cap: usize) -> Arc<Self> {
        Arc::new(Self {
            cap: cap.max(1),
            open: Mutex::new(HashMap::new()),
        })
    }

    /// Counts a new connection of `client`, or `None` when it already holds `cap` of them. The
    /// table holds only clients with a connection open, so it is bounded by the server's cap.
    pub(crate) fn admit(self: &Arc<Self>, client: IpAddr) -> Option<Held> {
        let client = client_key(client);
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let count = open.entry(client).or_insert(0);
        if *count >= self.cap {
            return None;
        }
        *count += 1;
        Some(Held {
            connections: self.clone(),
            client,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn the_header_is_believed_from_a_trusted_proxy_only() {
        let proxy: IpAddr = [10, 0, 0, 1].into();
        let client: IpAddr = [203, 0, 113, 7].into();
        let sent = headers(&["203.0.113.7"]);
        assert_eq!(client_of(proxy, &sent, &[proxy]), client);
        // From anyone else the header is the client's own word, and ignored.
        let stranger: IpAddr = [198, 51, 100, 2].into();
        assert_eq!(client_of(stranger, &sent, &[proxy]), stranger);
    }

    #[test]
    fn what_a_client_writes_into_the_header_is_never_read() {
        let proxy: IpAddr = [10, 0, 0, 1].into();
        let inner: IpAddr = [10, 0, 0, 2].into();
        // The client claimed 192.0.2.1; the outer proxy appended the real one, the inner
        // proxy appended the outer one.
        let sent = headers(&["192.0.2.1, 203.0.113.7", "10.0.0.1"]);
        assert_eq!(
            client_of(inner, &sent, &[proxy, inner]),
            IpAddr::from([203, 0, 113, 7])
        );
        // Bytes that are no text in what the client wrote do not hide the hop after them.
        let mut mixed = HeaderMap::new();
        mixed.append(
            "x-forwarded-for",
            HeaderValue::from_bytes(b"\xff\xfe, 203.0.113.7").unwrap(),
        );
        assert_eq!(
            client_of(proxy, &mixed, &[proxy]),
            IpAddr::from([203, 0, 113, 7])
        );
        // An unreadable hop stops the walk at the last trusted address seen.
        let garbled = headers(&["nonsense"]);
        assert_eq!(client_of(proxy, &garbled, &[proxy]), proxy);
        assert_eq!(client_of(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }

    #[test]
    fn a_client_holds_at_most_its_cap_of_connections() {
        let connections = Connections::new(2);
        let client: IpAddr = [192, 0, 2, 1].into();
        let first = connections.admit(client);
        let second = connections.admit(client);
        assert!(first.is_some() && second.is_some());
        assert!(connections.admit(client).is_none());
        assert!(connections.admit([192, 0, 2, 2].into()).is_some());
        drop(first);
        assert!(connections.admit(client).is_some());
    }

    #[test]
    fn an_ipv6_host_counts_across_its_slash_64() {
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        assert_eq!(client_key(one), client_key(other));
        assert_ne!(
            client_key(one),
            client_key("2001:db8:1:3::1".parse().unwrap())
        );
        let v4: IpAddr = [203, 0, 113, 9].into();
        assert_eq!(client_key(v4), v4);
    }
}
