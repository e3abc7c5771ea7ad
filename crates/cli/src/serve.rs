//! `badge-verify serve [--port N] [--dist DIR] [--allow-http] [--log]`: serves the built app
//! (`dist/`) on 127.0.0.1 and a same-origin fetch relay, `GET /relay?url=<URL>`, for badge
//! servers that send no CORS headers (issue #17).
//!
//! The relay is the core's fetcher, nothing more: [`NativeFetcher`] with the core's
//! [`FetchPolicy`] (https only, globally routable addresses only, checked on the address
//! actually connected to and at every redirect hop) and [`FetchLimits`] (size, time,
//! redirects). The upstream request is made fresh by that fetcher: no client header, cookie or
//! credential is forwarded. It listens on 127.0.0.1 only, and answers only requests whose
//! `Host` is this server's own loopback address (so a page elsewhere cannot reach it by DNS
//! rebinding).
//!
//! The HTTP server is `tiny_http` (a small, maintained, dependency-light HTTP/1.1 server):
//! parsing HTTP by hand on a `TcpListener` is easy to get subtly wrong (pipelining, chunked
//! bodies, `Expect: 100-continue`), and this one is a few hundred kilobytes of code. Its
//! requests are handled by [`WORKERS`] threads, so at most that many relayed fetches run at
//! once.

use badge_verifier::resolve::fetch::{FetchError, FetchLimits, FetchPolicy, FetchPurpose, Fetcher};
use badge_verifier::resolve::native::NativeFetcher;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tiny_http::{Header, Method, Request, Response, Server};

pub const USAGE: &str = "usage: badge-verify serve [--port N] [--dist DIR] [--allow-http] [--log]
  Serves the built app (DIR, default ./dist) and a fetch relay (GET /relay?url=URL) for badge
  servers that send no CORS headers. Listens on 127.0.0.1 ONLY (never any other address).
  --port N      the port on 127.0.0.1 (default 8080; 0: one the system chooses)
  --dist DIR    the app as `trunk build --release` writes it (default ./dist)
  --allow-http  testing only: the relay may fetch plain http from, and any URL on, 127.0.0.1 /
                localhost (private addresses stay refused)
  --log         print one line per request to standard error (default: nothing is logged)
The relay fetches like `badge-verify` itself: https only, public addresses only, at most
16 MiB and 15 s, no cookies and no client headers forwarded. The first line printed is
`listening on http://127.0.0.1:PORT`. Ctrl-C stops it.";

/// Requests handled at once (the relay's fetches block a worker each).
const WORKERS: usize = 4;
/// Longest request target accepted (a relayed URL is in it).
const MAX_TARGET: usize = 8 * 1024;
/// The body of `GET /relay` without a URL: how the app recognises the relay.
pub const MARKER: &str = "badge-verify relay";

struct Config {
    port: u16,
    dist: PathBuf,
    allow_http: bool,
    log: bool,
}

fn parse(args: Vec<String>) -> Result<Config, String> {
    let mut c = Config {
        port: 8080,
        dist: PathBuf::from("dist"),
        allow_http: false,
        log: false,
    };
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => {
                let v = it.next().ok_or("--port needs a number")?;
                c.port = v.parse().map_err(|_| format!("--port {v}: not a port"))?;
            }
            "--dist" => c.dist = PathBuf::from(it.next().ok_or("--dist needs a directory")?),
            "--allow-http" => c.allow_http = true,
            "--log" => c.log = true,
            "-h" | "--help" => return Err(String::new()),
            s => return Err(format!("unknown argument {s}")),
        }
    }
    Ok(c)
}

pub fn run(args: Vec<String>) -> i32 {
    let c = match parse(args) {
        Ok(c) => c,
        Err(msg) => {
            if !msg.is_empty() {
                eprintln!("badge-verify serve: {msg}");
            }
            eprintln!("{USAGE}");
            return if msg.is_empty() { 0 } else { 2 };
        }
    };
    let dist = match c.dist.canonicalize() {
        Ok(d) if d.join("index.html").is_file() => d,
        _ => {
            eprintln!(
                "badge-verify serve: {} has no index.html: build the app first (trunk build --release) or name it with --dist",
                c.dist.display()
            );
            return 2;
        }
    };
    let server = match Server::http(("127.0.0.1", c.port)) {
        Ok(s) => s,
        Err(e) => {
            let busy = e
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::AddrInUse);
            if busy {
                eprintln!(
                    "badge-verify serve: port {} on 127.0.0.1 is already in use; choose another with --port",
                    c.port
                );
            } else {
                eprintln!(
                    "badge-verify serve: cannot listen on 127.0.0.1:{}: {e}",
                    c.port
                );
            }
            return 2;
        }
    };
    let Some(port) = server.server_addr().to_ip().map(|a| a.port()) else {
        return 2;
    };
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://127.0.0.1:{port}");
        let _ = out.flush();
    }
    let csp = page_csp(&dist);
    let limits = FetchLimits::default();
    let state = Arc::new(State {
        dist,
        csp,
        port,
        log: c.log,
        limits,
        fetcher: NativeFetcher::new(
            limits,
            FetchPolicy {
                allow_http: c.allow_http,
            },
        ),
    });
    let server = Arc::new(server);
    // Ctrl-C (SIGINT) ends the process by its default action: nothing here keeps state that
    // needs saving, and each open connection is simply closed.
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, state) = (Arc::clone(&server), Arc::clone(&state));
            std::thread::spawn(move || {
                while let Ok(req) = server.recv() {
                    state.handle(req);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    0
}

struct State {
    dist: PathBuf,
    /// The Content-Security-Policy of the page's meta tag, sent as a header with every file.
    csp: Option<String>,
    port: u16,
    log: bool,
    limits: FetchLimits,
    fetcher: NativeFetcher,
}

/// The policy in `index.html`'s `<meta http-equiv="Content-Security-Policy" content="…">`.
fn page_csp(dist: &Path) -> Option<String> {
    let html = std::fs::read_to_string(dist.join("index.html")).ok()?;
    let at = html.find("http-equiv=\"Content-Security-Policy\"")?;
    let rest = &html[at..];
    let start = rest.find("content=\"")? + "content=\"".len();
    let len = rest[start..].find('"')?;
    let csp = &rest[start..start + len];
    csp.bytes()
        .all(|b| (0x20..0x7f).contains(&b))
        .then(|| csp.to_string())
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn text(status: u16, body: impl Into<String>) -> Answer {
    let mut r = Response::from_data(body.into().into_bytes()).with_status_code(status);
    r.add_header(header("Content-Type", "text/plain; charset=utf-8").expect("valid header"));
    r
}

impl State {
    fn handle(&self, req: Request) {
        let target = req.url().to_string();
        let method = req.method().clone();
        let answer = self.answer(&req);
        let status = answer.status_code().0;
        let mut answer = answer;
        for (n, v) in [
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ] {
            answer.add_header(header(n, v).expect("valid header"));
        }
        if self.log {
            // Only the request line's path for files; the relayed URL is what --log is for.
            eprintln!("{method} {} {status}", truncate(&target, 300));
        }
        let _ = req.respond(answer);
    }

    fn answer(&self, req: &Request) -> Answer {
        if req.url().len() > MAX_TARGET {
            return text(414, "request target too long");
        }
        if !self.host_is_ours(req) {
            return text(
                421,
                "this server answers only for its own address (127.0.0.1)",
            );
        }
        let (path, query) = req.url().split_once('?').unwrap_or((req.url(), ""));
        if path == "/relay" {
            if *req.method() != Method::Get {
                let mut r = text(405, "the relay answers GET only");
                r.add_header(header("Allow", "GET").expect("valid header"));
                return r;
            }
            return self.relay(query);
        }
        if !matches!(req.method(), Method::Get | Method::Head) {
            let mut r = text(405, "GET or HEAD only");
            r.add_header(header("Allow", "GET, HEAD").expect("valid header"));
            return r;
        }
        self.file(path)
    }

    /// The `Host` header names this server (127.0.0.1, localhost or [::1] at its port), or
    /// there is none (HTTP/1.0).
    fn host_is_ours(&self, req: &Request) -> bool {
        let Some(h) = req.headers().iter().find(|h| h.field.equiv("Host")) else {
            return true;
        };
        let host = h.value.as_str().to_ascii_lowercase();
        let port = self.port;
        ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .any(|n| host == format!("{n}:{port}") || (port == 80 && host == *n))
    }

    fn relay(&self, query: &str) -> Answer {
        let url = url::form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "url")
            .map(|(_, v)| v.into_owned());
        let Some(url) = url.filter(|u| !u.is_empty()) else {
            let mut r = text(
                400,
                format!("{MARKER}: GET /relay?url=<percent-encoded https URL>"),
            );
            r.add_header(header("Cache-Control", "no-store").expect("valid header"));
            return r;
        };
        let got = futures::executor::block_on(self.fetcher.get(
            &url,
            FetchPurpose::Badge,
            u64::from(self.limits.timeout_ms),
        ));
        let mut r = match got {
            Ok(resp) => {
                let mut r = Response::from_data(resp.body).with_status_code(resp.status);
                if let Some(ct) = resp
                    .content_type
                    .as_deref()
                    .and_then(|ct| header("Content-Type", ct))
                {
                    r.add_header(ct);
                }
                if let Some(h) = header("X-Relay-Final-Url", &resp.final_url) {
                    r.add_header(h);
                }
                r
            }
            // The body is the reason alone (after the marker): the app shows it as the core's.
            Err(FetchError::Refused(why)) => text(403, format!("{MARKER}: {why}")),
            Err(e @ FetchError::SchemeNotAllowed(_)) => text(403, format!("{MARKER}: {e}")),
            Err(e) => text(502, format!("{MARKER}: {e}")),
        };
        // A relayed document is data for the app's fetch(), never a page of this origin: were
        // it opened as one (an HTML page a badge URL pointed to), it runs nothing.
        for (n, v) in [
            ("Cache-Control", "no-store"),
            ("Content-Security-Policy", "default-src 'none'; sandbox"),
        ] {
            r.add_header(header(n, v).expect("valid header"));
        }
        r
    }

    /// A file of the built app: `/` is index.html; no directory listing; nothing outside it.
    fn file(&self, path: &str) -> Answer {
        let Ok(decoded) = percent_encoding::percent_decode_str(path).decode_utf8() else {
            return text(400, "bad path");
        };
        let rel = decoded.trim_start_matches('/');
        let rel = if rel.is_empty() { "index.html" } else { rel };
        if rel
            .split('/')
            .any(|seg| seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0'))
        {
            return text(403, "path not allowed");
        }
        let full = self.dist.join(rel);
        // A symbolic link out of dist/ is refused too.
        let Some(full) = full
            .canonicalize()
            .ok()
            .filter(|f| f.starts_with(&self.dist))
        else {
            return text(404, "not found");
        };
        if !full.is_file() {
            return text(404, "not found");
        }
        let Ok(body) = std::fs::read(&full) else {
            return text(404, "not found");
        };
        let ext = full.extension().and_then(|e| e.to_str()).unwrap_or("");
        let ct = match ext {
            "html" => "text/html; charset=utf-8",
            "js" | "mjs" => "text/javascript; charset=utf-8",
            "wasm" => "application/wasm",
            "css" => "text/css; charset=utf-8",
            "svg" => "image/svg+xml",
            "png" => "image/png",
            "json" | "webmanifest" => "application/json",
            "ico" => "image/x-icon",
            "txt" => "text/plain; charset=utf-8",
            _ => "application/octet-stream",
        };
        let mut r = Response::from_data(body);
        r.add_header(header("Content-Type", ct).expect("valid header"));
        r.add_header(header("Cache-Control", "no-cache").expect("valid header"));
        if let Some(h) = self
            .csp
            .as_deref()
            .and_then(|c| header("Content-Security-Policy", c))
        {
            r.add_header(h);
        }
        r
    }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}
