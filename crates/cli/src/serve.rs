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
//! The HTTP server is std's `TcpListener` with a deliberately small HTTP/1.1 subset: one
//! request per connection (`Connection: close`), no request body ever read, a request head of
//! at most [`MAX_HEAD`] bytes read within [`READ_TIME`], and [`WORKERS`] threads taking
//! connections from a queue of at most [`QUEUE`] (more are closed at once). `tiny_http` 0.12
//! was tried first: it bounds neither the size of a request head nor the time to send one,
//! and it starts a thread per waiting connection; the subset needed here is short enough to
//! be read whole.

use badge_verifier::resolve::fetch::{FetchError, FetchLimits, FetchPolicy, FetchPurpose, Fetcher};
use badge_verifier::resolve::native::NativeFetcher;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

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
/// Connections waiting for a worker; more are closed unanswered.
const QUEUE: usize = 64;
/// Longest request head (request line and headers) read.
const MAX_HEAD: usize = 16 * 1024;
/// Longest request target accepted (a relayed URL is in it).
const MAX_TARGET: usize = 8 * 1024;
/// Time a client has to send its request head.
const READ_TIME: Duration = Duration::from_secs(10);
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
    let listener = match TcpListener::bind(("127.0.0.1", c.port)) {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            eprintln!(
                "badge-verify serve: port {} on 127.0.0.1 is already in use; choose another with --port",
                c.port
            );
            return 2;
        }
        Err(e) => {
            eprintln!(
                "badge-verify serve: cannot listen on 127.0.0.1:{}: {e}",
                c.port
            );
            return 2;
        }
    };
    let Ok(port) = listener.local_addr().map(|a| a.port()) else {
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
    // Ctrl-C (SIGINT) ends the process by its default action: nothing here keeps state that
    // needs saving, and each open connection is simply closed.
    let (tx, rx) = mpsc::sync_channel::<TcpStream>(QUEUE);
    let rx = Arc::new(Mutex::new(rx));
    for _ in 0..WORKERS {
        let (rx, state) = (Arc::clone(&rx), Arc::clone(&state));
        std::thread::spawn(move || loop {
            let next = rx.lock().map(|r| r.recv());
            match next {
                Ok(Ok(stream)) => state.connection(stream),
                _ => break,
            }
        });
    }
    for stream in listener.incoming() {
        match stream {
            // A full queue: this connection is closed unanswered (dropped).
            Ok(s) => drop(tx.try_send(s)),
            // Out of file descriptors, say: wait a little rather than spin.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    0
}

/// A request as this server reads it: its method, target, and `Host` header.
struct Request {
    method: String,
    target: String,
    host: Option<String>,
}

/// An answer: status, headers, body.
struct Answer {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn new(status: u16, body: Vec<u8>) -> Answer {
        Answer {
            status,
            headers: Vec::new(),
            body,
        }
    }

    /// Adds a header, if its value is one (visible ASCII and spaces only).
    fn add_header(&mut self, name: &'static str, value: &str) {
        if value
            .bytes()
            .all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
        {
            self.headers.push((name, value.to_string()));
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        410 => "Gone",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        502 => "Bad Gateway",
        _ => "",
    }
}

/// Reads a request head: at most [`MAX_HEAD`] bytes within [`READ_TIME`]. `Err` is the
/// answer to give instead (or none, when the client is gone or too slow).
fn read_request(stream: &mut TcpStream) -> Result<Request, Option<Answer>> {
    let deadline = Instant::now() + READ_TIME;
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 2048];
    let end = loop {
        if let Some(i) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if head.len() > MAX_HEAD {
            return Err(Some(text(431, "request head too large")));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Err(None);
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return Err(None),
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    };
    // RFC 9112 request line and header fields, read by httparse (the parser hyper uses).
    let mut fields = [httparse::EMPTY_HEADER; 64];
    let mut parsed = httparse::Request::new(&mut fields);
    let bad = || Some(text(400, "bad request"));
    match parsed.parse(&head[..end + 4]) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) | Err(_) => return Err(bad()),
    }
    let (Some(method), Some(target)) = (parsed.method, parsed.path) else {
        return Err(bad());
    };
    if !matches!(parsed.version, Some(0 | 1)) || !target.starts_with('/') {
        return Err(bad());
    }
    let host = parsed
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("host"))
        .and_then(|h| std::str::from_utf8(h.value).ok())
        .map(|v| v.trim().to_ascii_lowercase());
    Ok(Request {
        method: method.to_string(),
        target: target.to_string(),
        host,
    })
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

fn text(status: u16, body: impl Into<String>) -> Answer {
    let mut r = Answer::new(status, body.into().into_bytes());
    r.add_header("Content-Type", "text/plain; charset=utf-8");
    r
}

impl State {
    /// One connection: one request, one answer, then closed.
    fn connection(&self, mut stream: TcpStream) {
        let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
        let (req, answer) = match read_request(&mut stream) {
            Ok(req) => {
                let a = self.answer(&req);
                (Some(req), a)
            }
            Err(Some(a)) => (None, a),
            Err(None) => return,
        };
        let mut answer = answer;
        answer.add_header("X-Content-Type-Options", "nosniff");
        answer.add_header("Referrer-Policy", "no-referrer");
        if self.log {
            let (m, t) = req
                .as_ref()
                .map_or(("-", "-"), |r| (r.method.as_str(), r.target.as_str()));
            eprintln!("{m} {} {}", truncate(t, 300), answer.status);
        }
        let head_only = req.as_ref().is_some_and(|r| r.method == "HEAD");
        let mut out = format!("HTTP/1.1 {} {}\r\n", answer.status, reason(answer.status));
        for (n, v) in &answer.headers {
            out.push_str(&format!("{n}: {v}\r\n"));
        }
        out.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            answer.body.len()
        ));
        let mut w = std::io::BufWriter::new(&mut stream);
        let _ = w.write_all(out.as_bytes());
        if !head_only {
            let _ = w.write_all(&answer.body);
        }
        let _ = w.flush();
        drop(w);
        // Closed for writing; what the client still sends (a request body) is read briefly and
        // dropped, so the close does not reset the connection before the answer is read.
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
        let _ = std::io::copy(&mut (&mut stream).take(1 << 20), &mut std::io::sink());
    }

    fn answer(&self, req: &Request) -> Answer {
        if req.target.len() > MAX_TARGET {
            return text(414, "request target too long");
        }
        if !self.host_is_ours(req) {
            return text(
                421,
                "this server answers only for its own address (127.0.0.1)",
            );
        }
        let (path, query) = req
            .target
            .split_once('?')
            .unwrap_or((req.target.as_str(), ""));
        if path == "/relay" {
            if req.method != "GET" {
                let mut r = text(405, "the relay answers GET only");
                r.add_header("Allow", "GET");
                return r;
            }
            return self.relay(query);
        }
        if !matches!(req.method.as_str(), "GET" | "HEAD") {
            let mut r = text(405, "GET or HEAD only");
            r.add_header("Allow", "GET, HEAD");
            return r;
        }
        self.file(path)
    }

    /// The `Host` header names this server (127.0.0.1, localhost or [::1] at its port), or
    /// there is none (HTTP/1.0).
    fn host_is_ours(&self, req: &Request) -> bool {
        let Some(host) = &req.host else {
            return true;
        };
        let port = self.port;
        ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .any(|n| *host == format!("{n}:{port}") || (port == 80 && host == n))
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
            r.add_header("Cache-Control", "no-store");
            return r;
        };
        let got = futures::executor::block_on(self.fetcher.get(
            &url,
            FetchPurpose::Badge,
            u64::from(self.limits.timeout_ms),
        ));
        let mut r = match got {
            Ok(resp) => {
                let mut r = Answer::new(resp.status, resp.body);
                if let Some(ct) = resp.content_type.as_deref() {
                    r.add_header("Content-Type", ct);
                }
                r.add_header("X-Relay-Final-Url", &resp.final_url);
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
            r.add_header(n, v);
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
        let mut r = Answer::new(200, body);
        r.add_header("Content-Type", ct);
        r.add_header("Cache-Control", "no-cache");
        if let Some(csp) = &self.csp {
            r.add_header("Content-Security-Policy", csp);
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
