//! A small HTTP/1.1 server on 127.0.0.1 for tests that need a real network peer: documents,
//! redirects and slow answers, each request counted by path. One thread per connection,
//! `Connection: close`. It stops when dropped, and by itself after its lifetime, so a failing
//! test never leaves it running; a slow answer never sleeps past that lifetime either.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// What a path answers.
#[derive(Clone, Debug)]
pub enum Route {
    /// 200 with this content type and body.
    Doc(String, Vec<u8>),
    /// This status with a `Location` header.
    Redirect(u16, String),
    /// 200 with this content type and body, after waiting this long.
    Slow(Duration, String, Vec<u8>),
}

type Routes = Arc<RwLock<HashMap<String, Route>>>;
type Counts = Arc<Mutex<BTreeMap<String, usize>>>;

pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub port: u16,
    routes: Routes,
    counts: Counts,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Starts a server that stops by itself after `lifetime`.
    pub fn start(lifetime: Duration) -> Server {
        Server::start_at(lifetime, 0).expect("bind 127.0.0.1")
    }

    /// Starts a server on 127.0.0.1:`port` (0: any free port) that stops by itself after
    /// `lifetime`.
    pub fn start_at(lifetime: Duration, port: u16) -> std::io::Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().unwrap().port();
        let routes: Routes = Default::default();
        let counts: Counts = Default::default();
        let stop = Arc::new(AtomicBool::new(false));
        let deadline = Instant::now() + lifetime;
        let (r, c, s) = (routes.clone(), counts.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            while !s.load(Ordering::SeqCst) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let (r, c, s) = (r.clone(), c.clone(), s.clone());
                        std::thread::spawn(move || serve(stream, &r, &c, &s, deadline));
                    }
                    // A short wait, so a benchmark's fetches hardly wait for it.
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_micros(200))
                    }
                    Err(_) => break,
                }
            }
        });
        Ok(Server {
            base: format!("http://127.0.0.1:{port}"),
            port,
            routes,
            counts,
            stop,
            thread: Some(thread),
        })
    }

    /// `base` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.routes.write().unwrap().insert(path.to_string(), route);
    }

    pub fn doc(&self, path: &str, content_type: &str, body: impl Into<Vec<u8>>) {
        self.route(path, Route::Doc(content_type.into(), body.into()));
    }

    pub fn redirect(&self, path: &str, location: &str) {
        self.route(path, Route::Redirect(302, location.into()));
    }

    /// How many requests `path` got.
    pub fn count(&self, path: &str) -> usize {
        self.counts.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// Every route, for saving what is served.
    pub fn routes(&self) -> HashMap<String, Route> {
        self.routes.read().unwrap().clone()
    }

    /// Requests per path so far.
    pub fn counts(&self) -> BTreeMap<String, usize> {
        self.counts.lock().unwrap().clone()
    }

    /// Requests per path so far, counting from zero again.
    pub fn take_counts(&self) -> BTreeMap<String, usize> {
        std::mem::take(&mut *self.counts.lock().unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(
    mut stream: TcpStream,
    routes: &Routes,
    counts: &Counts,
    stop: &AtomicBool,
    deadline: Instant,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let line = String::from_utf8_lossy(&head);
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    *counts.lock().unwrap().entry(path.clone()).or_default() += 1;
    let route = routes.read().unwrap().get(&path).cloned();
    let (status, headers, body) = match route {
        Some(Route::Doc(ct, body)) => (
            "200 OK".to_string(),
            format!("content-type: {ct}\r\n"),
            body,
        ),
        Some(Route::Redirect(code, loc)) => (
            format!("{code} Redirect"),
            format!("location: {loc}\r\n"),
            Vec::new(),
        ),
        Some(Route::Slow(wait, ct, body)) => {
            // Sleep in small steps, so a stopped server's threads end soon.
            let until = (Instant::now() + wait).min(deadline);
            while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(10));
            }
            (
                "200 OK".to_string(),
                format!("content-type: {ct}\r\n"),
                body,
            )
        }
        None => (
            "404 Not Found".to_string(),
            "content-type: text/plain\r\n".to_string(),
            b"not found".to_vec(),
        ),
    };
    let mut response = format!(
        "HTTP/1.1 {status}\r\n{headers}content-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(&body);
    let _ = stream.set_nodelay(true);
    let _ = stream.write_all(&response);
}
