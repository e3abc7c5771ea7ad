//! `badge-verify serve`: the app's files on 127.0.0.1 and the fetch relay, with the core's
//! fetch policy (https only, public addresses only, size limits) and nothing else.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `badge-verify serve`, killed when dropped.
struct Serve {
    child: Child,
    port: u16,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A dist/ directory with index.html and app.js, and a file next to it that must stay unserved.
fn dist() -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "badge-verify-serve-{}-{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let dist = root.join("dist");
    std::fs::create_dir_all(dist.join("sub")).unwrap();
    std::fs::write(
        dist.join("index.html"),
        r#"<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'"><title>app</title>"#,
    )
    .unwrap();
    std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
    std::fs::write(dist.join("app.wasm"), b"\0asm").unwrap();
    std::fs::write(root.join("secret.txt"), "secret").unwrap();
    dist
}

fn serve(extra: &[&str]) -> Serve {
    let mut child = Command::new(env!("CARGO_BIN_EXE_badge-verify"))
        .args(["serve", "--port", "0", "--dist"])
        .arg(dist())
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let mut s = Serve { child, port: 0 };
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("serve prints its address within 20 s");
    s.port = line
        .trim()
        .strip_prefix("listening on http://127.0.0.1:")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("first line: {line:?}"));
    s
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One request, the target sent as is (no normalisation of `..`).
fn request(port: u16, method: &str, target: &str) -> Answer {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: secret=1\r\nAuthorization: Bearer x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

fn get(port: u16, target: &str) -> Answer {
    request(port, "GET", target)
}

fn relay(port: u16, url: &str) -> Answer {
    let enc: String = url::form_urlencoded::byte_serialize(url.as_bytes()).collect();
    get(port, &format!("/relay?url={enc}"))
}

/// An upstream on 127.0.0.1: /doc (200), /moved (302 to /doc), /gone (410), /huge (17 MiB,
/// no Content-Length). It records the headers each request carried. Lives as long as the test
/// process; each connection is bounded by a time limit.
fn upstream() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for conn in l.incoming() {
            let Ok(mut c) = conn else { continue };
            let log = log.clone();
            std::thread::spawn(move || {
                let _ = c.set_read_timeout(Some(Duration::from_secs(10)));
                let _ = c.set_write_timeout(Some(Duration::from_secs(10)));
                let mut head = Vec::new();
                let mut buf = [0u8; 1024];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match c.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let head = String::from_utf8_lossy(&head).into_owned();
                log.lock().unwrap().push(head.clone());
                let path = head.split(' ').nth(1).unwrap_or("").to_string();
                let doc = r#"{"hello":"world"}"#;
                let _ = match path.as_str() {
                    "/doc" => write!(
                        c,
                        "HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\nSet-Cookie: s=1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{doc}",
                        doc.len()
                    ),
                    "/moved" => write!(
                        c,
                        "HTTP/1.1 302 Found\r\nLocation: /doc\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    ),
                    "/gone" => write!(
                        c,
                        "HTTP/1.1 410 Gone\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
                    ),
                    "/huge" => {
                        let _ = write!(
                            c,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                        );
                        let chunk = vec![b' '; 1 << 20];
                        for _ in 0..17 {
                            if c.write_all(&chunk).is_err() {
                                break;
                            }
                        }
                        Ok(())
                    }
                    _ => write!(
                        c,
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    ),
                };
            });
        }
    });
    (port, seen)
}

#[test]
fn serves_the_app_with_its_csp_and_content_types() {
    let s = serve(&[]);
    let index = get(s.port, "/");
    assert_eq!(index.status, 200);
    assert!(index.text().contains("<title>app</title>"));
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        index.header("content-security-policy"),
        Some("default-src 'none'; connect-src 'self'")
    );
    assert_eq!(index.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(
        get(s.port, "/app.js").header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(
        get(s.port, "/app.wasm").header("content-type"),
        Some("application/wasm")
    );
    assert_eq!(get(s.port, "/missing.js").status, 404);
    // No directory listing.
    assert_eq!(get(s.port, "/sub/").status, 404);
    assert_eq!(get(s.port, "/sub").status, 404);
}

#[test]
fn refuses_path_traversal() {
    let s = serve(&[]);
    for target in [
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/sub/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
    ] {
        let a = get(s.port, target);
        assert!(
            matches!(a.status, 400 | 403 | 404),
            "{target}: {}",
            a.status
        );
        assert!(
            !a.text().contains("secret"),
            "{target} served the file outside dist/"
        );
    }
}

#[test]
fn the_relay_without_a_url_names_itself() {
    let s = serve(&[]);
    let a = get(s.port, "/relay");
    assert_eq!(a.status, 400);
    assert!(a.text().starts_with("badge-verify relay"), "{}", a.text());
}

#[test]
fn the_relay_refuses_http_private_addresses_and_post() {
    let (up, _) = upstream();
    let strict = serve(&[]);
    let a = relay(strict.port, "http://example.org/badge.json");
    assert_eq!(a.status, 403, "{}", a.text());
    assert!(a.text().contains("plain http"), "{}", a.text());
    // Without --allow-http, loopback is refused too.
    let a = relay(strict.port, &format!("http://127.0.0.1:{up}/doc"));
    assert_eq!(a.status, 403, "{}", a.text());
    assert!(a.text().contains("loopback"), "{}", a.text());
    let a = relay(strict.port, "https://10.0.0.1/x");
    assert_eq!(a.status, 403);
    assert!(a.text().contains("private address"), "{}", a.text());
    let a = relay(strict.port, "file:///etc/passwd");
    assert_eq!(a.status, 403);
    assert_eq!(
        request(
            strict.port,
            "POST",
            "/relay?url=https%3A%2F%2Fexample.org%2F"
        )
        .status,
        405
    );
    assert_eq!(request(strict.port, "PUT", "/relay").status, 405);

    let testing = serve(&["--allow-http"]);
    let a = relay(testing.port, "http://192.168.0.1/x");
    assert_eq!(a.status, 403);
    assert!(a.text().contains("private address"), "{}", a.text());
    assert_eq!(a.header("cache-control"), Some("no-store"));
}

#[test]
fn the_relay_answers_with_the_upstream_status_type_body_and_final_url() {
    let (up, seen) = upstream();
    let s = serve(&["--allow-http"]);
    let a = relay(s.port, &format!("http://127.0.0.1:{up}/moved"));
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.text(), r#"{"hello":"world"}"#);
    assert_eq!(a.header("content-type"), Some("application/ld+json"));
    assert_eq!(
        a.header("x-relay-final-url"),
        Some(format!("http://127.0.0.1:{up}/doc").as_str())
    );
    assert_eq!(a.header("cache-control"), Some("no-store"));
    assert_eq!(
        a.header("set-cookie"),
        None,
        "upstream cookies are not passed on"
    );
    // Nothing of the client's request reached the upstream.
    for head in seen.lock().unwrap().iter() {
        let h = head.to_ascii_lowercase();
        assert!(
            !h.contains("cookie") && !h.contains("authorization"),
            "{head}"
        );
    }

    let gone = relay(s.port, &format!("http://127.0.0.1:{up}/gone"));
    assert_eq!(gone.status, 410);
    assert_eq!(gone.text(), "{}");
}

#[test]
fn the_relay_bounds_a_huge_body() {
    let (up, _) = upstream();
    let s = serve(&["--allow-http"]);
    let a = relay(s.port, &format!("http://127.0.0.1:{up}/huge"));
    assert_eq!(a.status, 502);
    assert!(a.text().contains("larger than"), "{}", a.text());
}

#[test]
fn a_busy_port_is_a_plain_usage_error() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_badge-verify"))
        .args(["serve", "--port", &port, "--dist"])
        .arg(dist())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("already in use") && err.contains("--port"),
        "{err}"
    );
}

#[test]
fn help_says_it_listens_on_loopback_only() {
    let out = Command::new(env!("CARGO_BIN_EXE_badge-verify"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("127.0.0.1 ONLY"));
}

#[test]
fn a_request_head_is_bounded() {
    let s = serve(&[]);
    let a = get(s.port, &format!("/relay?url={}", "a".repeat(10_000)));
    assert_eq!(a.status, 414);
    let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let _ = write!(c, "GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "b".repeat(20_000));
    let mut raw = Vec::new();
    let _ = c.read_to_end(&mut raw);
    assert!(
        String::from_utf8_lossy(&raw).starts_with("HTTP/1.1 431"),
        "{}",
        String::from_utf8_lossy(&raw[..raw.len().min(100)])
    );
    // A HEAD gets the headers alone.
    let head = request(s.port, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}
