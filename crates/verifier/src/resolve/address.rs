//! Which network addresses a badge may make this verifier connect to.
//!
//! A badge names URLs; fetching them must not turn the verifier into a probe of the machine it
//! runs on or of the network behind it (server-side request forgery). Every address a fetch
//! would connect to — a literal IP host, each address a name resolves to, at every redirect
//! hop — is checked here, and only globally routable unicast addresses are allowed.
//!
//! The refused ranges are the IANA special-purpose address registries (RFC 6890, updated by
//! RFC 8190): <https://www.iana.org/assignments/iana-ipv4-special-registry/> and
//! <https://www.iana.org/assignments/iana-ipv6-special-registry/>, plus multicast
//! (RFC 5771, RFC 4291 §2.7) and the reserved 240/4 (RFC 1112 §4). IPv4-mapped (`::ffff:0:0/96`,
//! RFC 4291 §2.5.5.2), IPv4-compatible (deprecated, `::/96`), NAT64 (`64:ff9b::/96`, RFC 6052)
//! and 6to4 (`2002::/16`, RFC 3056) addresses are judged by the IPv4 address they carry as
//! well, so `[::ffff:127.0.0.1]` is loopback.

use crate::detail;
use crate::detail::Detail;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why an address is refused: its special-purpose range, as a phrase ("a private address").
/// `allow_loopback` (test mode) lets 127.0.0.0/8 and `::1` through, nothing else.
pub fn refused(ip: IpAddr, allow_loopback: bool) -> Option<Detail> {
    match ip {
        IpAddr::V4(v4) => refused_v4(v4, allow_loopback),
        IpAddr::V6(v6) => refused_v6(v6, allow_loopback),
    }
}

fn refused_v4(ip: Ipv4Addr, allow_loopback: bool) -> Option<Detail> {
    let [a, b, c, _] = ip.octets();
    Some(match (a, b, c) {
        (127, _, _) if allow_loopback => return None,
        (127, _, _) => detail!("a loopback address"),
        (0, _, _) => detail!("an unspecified (\"this network\") address"),
        (10, _, _) | (192, 168, _) => detail!("a private address"),
        (172, 16..=31, _) => detail!("a private address"),
        (100, 64..=127, _) => detail!("a shared (carrier-grade NAT) address"),
        (169, 254, _) => detail!("a link-local address"),
        (192, 0, 0) => detail!("an IETF protocol assignment address"),
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => detail!("a documentation address"),
        (198, 18..=19, _) => detail!("a benchmarking address"),
        (192, 88, 99) => detail!("a deprecated 6to4 relay address"),
        (224..=239, _, _) => detail!("a multicast address"),
        (240..=255, _, _) => detail!("a reserved or broadcast address"),
        _ => return None,
    })
}

fn refused_v6(ip: Ipv6Addr, allow_loopback: bool) -> Option<Detail> {
    let s = ip.segments();
    if ip.is_loopback() {
        return (!allow_loopback).then(|| detail!("a loopback address"));
    }
    if ip.is_unspecified() {
        return Some(detail!("an unspecified address"));
    }
    // IPv4-mapped ::ffff:a.b.c.d: the connection goes to the IPv4 address. Refused whatever
    // it carries (a public IPv4 address has its own name); named after what it carries.
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Some(refused_v4(v4, false).unwrap_or_else(|| detail!("an IPv4-mapped address")));
    }
    // The embedded IPv4 of IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4
    // (2002:AABB:CCDD::/48) addresses must itself be allowed.
    let embedded = match s {
        [0, 0, 0, 0, 0, 0, _, _] | [0x64, 0xff9b, 0, 0, 0, 0, _, _] => {
            Some(Ipv4Addr::from(((s[6] as u32) << 16) | s[7] as u32))
        }
        [0x2002, hi, lo, ..] => Some(Ipv4Addr::from(((hi as u32) << 16) | lo as u32)),
        _ => None,
    };
    if let Some(v4) = embedded {
        if let Some(why) = refused_v4(v4, false) {
            return Some(why);
        }
        if s[0] == 0x64 {
            // The well-known NAT64 prefix in front of a public IPv4 address.
            return None;
        }
    }
    Some(match s[0] {
        0xfc00..=0xfdff => detail!("a unique-local (private) address"),
        0xfe80..=0xfebf => detail!("a link-local address"),
        0xfec0..=0xfeff => detail!("a site-local address"),
        0xff00..=0xffff => detail!("a multicast address"),
        0x2001 if s[1] == 0x0db8 => detail!("a documentation address"),
        0x3fff if s[1] < 0x1000 => detail!("a documentation address"),
        // 2001::/23 is IETF protocol assignments (Teredo 2001::/32, ORCHIDs …).
        0x2001 if s[1] < 0x0200 => detail!("an IETF protocol assignment address"),
        0x0100 if s[1..4] == [0, 0, 0] => detail!("a discard-only address"),
        0x0064 if s[1] == 0xff9b && s[2] == 1 => detail!("a local-use NAT64 address"),
        0x5f00 => detail!("a segment-routing address"),
        // Everything else outside 2000::/3 (global unicast) is reserved.
        0x0000..=0x1fff | 0x4000..=0xfbff => detail!("a reserved address"),
        _ => return None,
    })
}

/// The IP address a URL host names literally (`127.0.0.1`, `[::1]`), if it is one.
pub fn literal_ip(host: &str) -> Option<IpAddr> {
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    crate::platform::parse_ip(bare)
}

/// Whether a host name is `localhost` or under it (RFC 6761 §6.3: resolves to loopback).
pub fn is_localhost_name(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    h == "localhost" || h.ends_with(".localhost")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        literal_ip(s).unwrap()
    }

    #[test]
    fn refuses_every_special_range() {
        for a in [
            "127.0.0.1",
            "127.255.0.9",
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "100.64.0.1",
            "169.254.169.254",
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.9",
            "198.18.0.1",
            "224.0.0.1",
            "239.255.255.250",
            "255.255.255.255",
            "240.0.0.1",
            "[::1]",
            "[::]",
            "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]",
            "[::ffff:10.0.0.1]",
            "[::ffff:0.0.0.0]",
            "[::ffff:8.8.8.8]",
            "[::127.0.0.1]",
            "[64:ff9b::a00:1]",
            "[2002:c0a8:101::1]",
            "[fc00::1]",
            "[fd12:3456::1]",
            "[fe80::1]",
            "[fec0::1]",
            "[ff02::1]",
            "[2001:db8::1]",
            "[2001::1]",
            "[100::1]",
        ] {
            assert!(refused(ip(a), false).is_some(), "{a} should be refused");
        }
    }

    #[test]
    fn allows_global_unicast() {
        for a in [
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "192.169.0.1",
            "[2606:4700::1111]",
            "[2a00:1450:4001::1]",
            "[64:ff9b::808:808]",
        ] {
            assert_eq!(refused(ip(a), false), None, "{a} should be allowed");
        }
    }

    #[test]
    fn loopback_only_when_allowed_and_nothing_else() {
        assert_eq!(refused(ip("127.0.0.1"), true), None);
        assert_eq!(refused(ip("[::1]"), true), None);
        assert_eq!(
            refused(ip("[::ffff:127.0.0.1]"), true).map(|d| d.to_string()).as_deref(),
            Some("a loopback address"),
            "IPv4-mapped addresses are refused even in test mode"
        );
        assert_eq!(
            refused(ip("10.0.0.1"), true).map(|d| d.to_string()).as_deref(),
            Some("a private address"),
            "allowing loopback allows nothing else"
        );
        assert_eq!(
            refused(ip("[::ffff:127.0.0.1]"), false).map(|d| d.to_string()).as_deref(),
            Some("a loopback address")
        );
        assert!(refused(ip("0.0.0.0"), true).is_some());
        assert!(refused(ip("[::]"), true).is_some());
    }

    #[test]
    fn names() {
        assert!(literal_ip("example.org").is_none());
        assert!(is_localhost_name("localhost"));
        assert!(is_localhost_name("LOCALHOST."));
        assert!(is_localhost_name("a.localhost"));
        assert!(!is_localhost_name("localhost.example"));
    }
}
