//! Reading the URL Standard's serialization of an IP host: the browser platform's literal-IP
//! parser ([`super::parse_ip`] in the app), compiled natively too so it is tested against std.

use std::net::IpAddr;

/// Reads the URL Standard's serialization of an IP host (and nothing else: a non-canonical
/// spelling is `None`).
pub fn canonical_ip(bare: &str) -> Option<IpAddr> {
    if !bare.contains(':') {
        let mut octets = [0u8; 4];
        let mut parts = bare.split('.');
        for o in &mut octets {
            let p = parts.next()?;
            if p.is_empty() || (p.len() > 1 && p.starts_with('0')) {
                return None;
            }
            *o = p.parse().ok()?;
        }
        return parts.next().is_none().then(|| IpAddr::from(octets));
    }
    let groups = |s: &str| -> Option<Vec<u16>> {
        if s.is_empty() {
            return Some(Vec::new());
        }
        s.split(':')
            .map(|g| {
                (!g.is_empty() && g.len() <= 4)
                    .then(|| u16::from_str_radix(g, 16).ok())
                    .flatten()
            })
            .collect()
    };
    let mut words = [0u16; 8];
    match bare.split_once("::") {
        None => {
            let all = groups(bare)?;
            if all.len() != 8 {
                return None;
            }
            words.copy_from_slice(&all);
        }
        Some((head, tail)) => {
            let (head, tail) = (groups(head)?, groups(tail)?);
            if head.len() + tail.len() > 7 {
                return None;
            }
            words[..head.len()].copy_from_slice(&head);
            words[8 - tail.len()..].copy_from_slice(&tail);
        }
    }
    Some(IpAddr::from(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app's reader of canonical hosts agrees with std's parser on what the URL parser
    /// (the `url` crate natively, the same standard as the browser's) writes.
    #[test]
    fn canonical_hosts_read_like_std() {
        for raw in [
            "1.2.3.4",
            "0x7f.1",
            "127.0.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "10.1",
            "[::1]",
            "[::]",
            "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]",
            "[2001:db8::1]",
            "[fe80::1:2:3:4]",
            "[1:2:3:4:5:6:7:8]",
            "[1::8]",
            "[1:0:0:2::3]",
            "[64:ff9b::a00:1]",
            "[2002:c0a8:101::]",
            "[FD00::ABCD]",
            "[1:2:3:4:5:6:1.2.3.4]",
        ] {
            let url = url::Url::parse(&format!("https://{raw}/")).unwrap();
            let host = url.host_str().unwrap();
            let bare = host.trim_start_matches('[').trim_end_matches(']');
            assert_eq!(canonical_ip(bare), bare.parse().ok(), "{raw} -> {host}");
            assert!(canonical_ip(bare).is_some(), "{raw} -> {host}");
        }
        for not_canonical in [
            "01.2.3.4",
            "1.2.3",
            "1.2.3.4.5",
            "::1::",
            "1:2:3:4:5:6:7:8:9",
            "12345::",
            "x::",
            "a.b.c.d",
        ] {
            assert_eq!(canonical_ip(not_canonical), None, "{not_canonical}");
        }
        assert_eq!(canonical_ip("example.org"), None);
    }
}
