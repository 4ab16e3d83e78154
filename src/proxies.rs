//! The load balancers whose `X-Forwarded-For` is believed (`ARREARS_TRUSTED_PROXIES`).
//!
//! The client is the TCP peer, or, when the peer is one of these proxies, the nearest hop of
//! `X-Forwarded-For` that is not one of them. A client can write any `X-Forwarded-For` it likes,
//! so the header is read only from trusted proxies and only from the right (the hops they
//! appended), never its first entry.

use std::net::IpAddr;

use ipnet::IpNet;

/// The load balancers whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses a comma-separated list of addresses and networks (`10.0.0.5, 10.1.0.0/16, ::1`).
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<IpNet>()
                    .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| {
                        format!("ARREARS_TRUSTED_PROXIES: {s:?} is not an IP address or network")
                    })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client of a connection from `peer` that carried `forwarded_for`.
    pub fn client(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let mut nearest = peer;
        for hop in forwarded_for.unwrap_or("").rsplit(',') {
            match hop.trim().parse::<IpAddr>() {
                Ok(ip) if self.trusts(ip) => nearest = ip,
                Ok(ip) => return ip,
                // A hop we cannot read: the last trusted proxy is the best we know.
                Err(_) => return nearest,
            }
        }
        nearest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_peer_is_the_client_unless_it_is_a_trusted_proxy() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("203.0.113.9"), Some("198.51.100.1")),
            ip("203.0.113.9")
        );
        let lb = TrustedProxies::parse("10.0.0.0/8, 192.0.2.7").unwrap();
        let cases = [
            // (peer, X-Forwarded-For, client)
            ("203.0.113.9", Some("198.51.100.1"), "203.0.113.9"),
            ("10.0.0.5", Some("198.51.100.1"), "198.51.100.1"),
            // The client's own (forged) entries stand left of the one the proxy appended.
            ("10.0.0.5", Some("1.2.3.4, 198.51.100.1"), "198.51.100.1"),
            ("10.0.0.5", Some("198.51.100.1, 192.0.2.7"), "198.51.100.1"),
            ("10.0.0.5", None, "10.0.0.5"),
            ("10.0.0.5", Some("garbage, 10.2.2.2"), "10.2.2.2"),
        ];
        for (peer, xff, client) in cases {
            assert_eq!(lb.client(ip(peer), xff), ip(client), "{peer} {xff:?}");
        }
    }

    #[test]
    fn bad_lists_are_refused() {
        assert!(TrustedProxies::parse("10.0.0.0/8, nonsense").is_err());
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
    }
}
