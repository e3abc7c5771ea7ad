//! The CLI's fetcher: a small blocking HTTP client (ureq 2) behind the async [`Fetcher`] trait.
//!
//! ureq follows no redirect itself (`redirects(0)`): each hop is followed here and checked by
//! the same [`FetchPolicy`] as the first URL (https only, no downgrade, no `file:`/`data:`),
//! and every address a connection is made to — literal or resolved, at every hop — is checked
//! by ureq's resolver hook ([`CheckedResolver`]), so a name that resolves to 10.x or 127.0.0.1
//! is refused too. (ureq 3 exists; ureq 2 with manual redirects does all this with one small
//! dependency and a stable API, so the upgrade is left for when ureq 2 stops being maintained.)

use super::fetch::{
    request_timeout_ms, FetchError, FetchLimits, FetchPolicy, FetchPurpose, Fetcher, Response,
};
use super::weburl::WebUrl;
use crate::detail;
use crate::detail::{cause, code, url, Detail};
use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

const ACCEPT: &str =
    "application/ld+json, application/json;q=0.9, image/png;q=0.8, image/svg+xml;q=0.8, */*;q=0.5";

/// Fetches over HTTPS (and plain HTTP to loopback where the policy allows it) with size, time
/// and redirect limits, connecting only to addresses the policy allows.
pub struct NativeFetcher {
    agent: ureq::Agent,
    limits: FetchLimits,
    policy: FetchPolicy,
}

/// Why the resolver refused a host, carried through ureq's error to [`FetchError::Refused`].
#[derive(Debug)]
struct Refusal(Detail);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Refusal {}

/// Resolves `host:port` like the system does, then refuses the lot if any address is one the
/// policy does not allow (a name with one private address among public ones is not trusted).
/// ureq connects only to the addresses returned here, so the check is on the address actually
/// connected to, not on a second lookup that DNS rebinding could answer differently.
struct CheckedResolver {
    policy: FetchPolicy,
}

impl ureq::Resolver for CheckedResolver {
    fn resolve(&self, netloc: &str) -> std::io::Result<Vec<SocketAddr>> {
        let host = netloc.rsplit_once(':').map_or(netloc, |(h, _)| h);
        let addrs: Vec<SocketAddr> = netloc.to_socket_addrs()?.collect();
        for a in &addrs {
            if let Err(FetchError::Refused(why)) = self.policy.check_address(host, a.ip()) {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    Refusal(detail!(
                        "{why} {address}",
                        why = cause(why),
                        address = code(a.ip().to_string())
                    )),
                ));
            }
        }
        Ok(addrs)
    }
}

/// The refusal in an error's source chain, if the resolver refused.
fn refusal(e: &(dyn std::error::Error + 'static)) -> Option<Detail> {
    let mut cur = Some(e);
    while let Some(e) = cur {
        if let Some(r) = e.downcast_ref::<Refusal>() {
            return Some(r.0.clone());
        }
        if let Some(r) = e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<Refusal>())
        {
            return Some(r.0.clone());
        }
        cur = e.source();
    }
    None
}

impl NativeFetcher {
    /// An HTTP(S) client enforcing `limits` and `policy`: every redirect hop and every address it
    /// connects to is checked by `policy` (redirects are followed here, not by the HTTP
    /// library). Pass [`crate::Options::fetch_policy`] as `policy`, so the fetcher and the core
    /// apply the same rules.
    pub fn new(limits: FetchLimits, policy: FetchPolicy) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_millis(limits.timeout_ms.into()))
            .redirects(0)
            .resolver(CheckedResolver { policy })
            .user_agent(concat!("badge-verify/", env!("CARGO_PKG_VERSION")))
            .build();
        NativeFetcher {
            agent,
            limits,
            policy,
        }
    }

    fn get_blocking(&self, url: &str, time_left_ms: u64) -> Result<Response, FetchError> {
        let timeout_ms = request_timeout_ms(self.limits.timeout_ms, time_left_ms);
        let deadline = Instant::now() + Duration::from_millis(timeout_ms.into());
        let timed_out = || FetchError::Timeout { ms: timeout_ms };
        let mut current = self.policy.check_url(url)?;
        let mut redirects = 0;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(timed_out());
            }
            let resp = match self
                .agent
                .get(current.as_str())
                .timeout(left)
                .set("Accept", ACCEPT)
                .call()
            {
                Ok(r) => r,
                // HTTP error statuses are answers (410 Gone means revoked), not failures.
                Err(ureq::Error::Status(_, r)) => r,
                Err(ureq::Error::Transport(t)) => {
                    if let Some(why) = refusal(&t) {
                        return Err(FetchError::Refused(why));
                    }
                    let host = current.host_str().unwrap_or_default().to_owned();
                    let msg = t.to_string();
                    let io_timeout = std::error::Error::source(&t)
                        .and_then(|s| s.downcast_ref::<std::io::Error>())
                        .is_some_and(|io| {
                            matches!(
                                io.kind(),
                                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
                            )
                        });
                    return Err(if io_timeout || msg.contains("timed out") {
                        timed_out()
                    } else {
                        // ureq's message is English: only its kind is said, in our words.
                        FetchError::network(match t.kind() {
                            ureq::ErrorKind::Dns => detail!(
                                "the host {host} could not be found (DNS)",
                                host = code(host)
                            ),
                            ureq::ErrorKind::ConnectionFailed => {
                                detail!("could not connect to {host}", host = code(host))
                            }
                            ureq::ErrorKind::BadStatus
                            | ureq::ErrorKind::BadHeader
                            | ureq::ErrorKind::HTTP => detail!(
                                "{host} answered with a malformed HTTP response",
                                host = code(host)
                            ),
                            _ => detail!("the connection to {host} failed", host = code(host)),
                        })
                    });
                }
            };
            let status = resp.status();
            if matches!(status, 301 | 302 | 303 | 307 | 308) {
                if let Some(location) = resp.header("location") {
                    redirects += 1;
                    if redirects > self.limits.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            limit: self.limits.max_redirects,
                        });
                    }
                    current = self.next_hop(&current, location)?;
                    continue;
                }
            }
            let content_type = resp.header("content-type").map(String::from);
            // A declared length over the limit is refused unread; a declared length within it
            // sizes the buffer once (growing by doubling would hold up to twice the body).
            let declared = resp
                .header("content-length")
                .and_then(|l| l.trim().parse::<u64>().ok());
            if declared.is_some_and(|n| n > self.limits.max_bytes as u64) {
                return Err(FetchError::TooLarge {
                    limit: self.limits.max_bytes,
                });
            }
            let mut body = Vec::with_capacity(declared.unwrap_or(0) as usize);
            resp.into_reader()
                .take(self.limits.max_bytes as u64 + 1)
                .read_to_end(&mut body)
                .map_err(|e| {
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
                    ) {
                        timed_out()
                    } else {
                        FetchError::network(detail!(
                            "the connection broke while reading {url}",
                            url = crate::detail::url(current.as_str())
                        ))
                    }
                })?;
            return self
                .limits
                .response(current.as_str().to_owned(), status, content_type, body);
        }
    }

    /// The redirect target `location` (relative to `from`), if the policy lets it be followed.
    fn next_hop(&self, from: &WebUrl, location: &str) -> Result<WebUrl, FetchError> {
        // The parser's own reason is the platform's English: not shown.
        let joined = crate::platform::join_url(from.as_str(), location).map_err(|_| {
            FetchError::Refused(detail!(
                "redirect from {from} to an invalid URL ({location})",
                from = url(from.as_str()),
                location = code(location)
            ))
        })?;
        self.policy.check_redirect(from, &joined.href)
    }
}

impl Fetcher for NativeFetcher {
    async fn get(
        &self,
        url: &str,
        _: FetchPurpose,
        time_left_ms: u64,
    ) -> Result<Response, FetchError> {
        self.get_blocking(url, time_left_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ureq::Resolver;

    #[test]
    fn the_resolver_refuses_names_that_resolve_to_loopback_unless_testing() {
        // `localhost` resolves to loopback on every system (RFC 6761 §6.3; /etc/hosts).
        let strict = CheckedResolver {
            policy: FetchPolicy { allow_http: false },
        };
        let e = strict.resolve("localhost:443").unwrap_err();
        let why = refusal(&e).expect("a refusal, not a lookup failure");
        assert!(
            why.starts_with("localhost resolves to a loopback address"),
            "{why}"
        );
        let test = CheckedResolver {
            policy: FetchPolicy { allow_http: true },
        };
        assert!(test.resolve("localhost:443").is_ok());
        // Literal addresses go through the same check.
        for netloc in [
            "0.0.0.0:80",
            "[::ffff:127.0.0.1]:80",
            "10.0.0.1:443",
            "[::]:80",
        ] {
            let e = test.resolve(netloc).unwrap_err();
            assert!(refusal(&e).is_some(), "{netloc}");
        }
        assert!(test.resolve("127.0.0.1:80").is_ok());
        assert!(strict.resolve("8.8.8.8:443").is_ok());
    }
}
