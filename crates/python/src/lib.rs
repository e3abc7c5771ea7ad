//! `badge_verifier._native`: the verification core for Python (issue #19). The Python package
//! `badge_verifier` (python/badge_verifier/__init__.py) re-exports it with its type stubs.
//!
//! A thin shell, like the CLI: it turns Python arguments into the core's [`Input`] and
//! [`Options`], runs the core's `verify` with the interpreter's lock released, and returns the
//! CLI's `--json` report (`Report::to_json_line`) as a dict. Every call in a process shares one
//! [`CachingFetcher`], so a worker process fetches each issuer profile and status list once.

use badge_verifier::detail::Detail;
use badge_verifier::report::{CheckId, Report};
use badge_verifier::resolve::cache::CachingFetcher;
use badge_verifier::resolve::fetch::FetchLimits;
use badge_verifier::resolve::native::NativeFetcher;
use badge_verifier::{verify as core_verify, Input, Options};
use chrono::{DateTime, Utc};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};
use std::io::Read;
use std::sync::OnceLock;

/// The CLI's allocator: verification allocates many small, short-lived objects (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Most threads `verify_many` uses by default, as the CLI: in the worst case each holds one
/// input's status list as bytes and as parsed JSON (≈ 50 MB; issue #14).
const MAX_THREADS: usize = 4;

type SharedFetcher = CachingFetcher<NativeFetcher>;

/// The process's caches: one for https only, one that also allows http to 127.0.0.1 (testing).
/// The fetch policy is the fetcher's, so the two never share an answer.
static FETCHERS: [OnceLock<SharedFetcher>; 2] = [OnceLock::new(), OnceLock::new()];

fn fetcher(allow_http: bool) -> &'static SharedFetcher {
    FETCHERS[usize::from(allow_http)].get_or_init(|| {
        let opts = Options {
            allow_http,
            ..Options::at(DateTime::<Utc>::default())
        };
        CachingFetcher::new(NativeFetcher::new(
            FetchLimits::default(),
            opts.fetch_policy(),
        ))
    })
}

/// One input as Python gave it, taken out of its Python object before the lock is released.
enum Source {
    Bytes { name: String, bytes: Vec<u8> },
    Url(String),
    Path(String),
}

impl Source {
    /// `bytes`/`bytearray`: a file's content; `str`: an http(s) URL, or else the document's text
    /// (JSON, a JWT); `os.PathLike`: a file to read.
    fn from_py(data: &Bound<'_, PyAny>, name: Option<&str>) -> PyResult<Source> {
        let named = |default: &str| name.unwrap_or(default).to_string();
        if let Ok(b) = data.cast::<PyBytes>() {
            return Ok(Source::Bytes {
                name: named("<bytes>"),
                bytes: b.as_bytes().to_vec(),
            });
        }
        if let Ok(b) = data.cast::<PyByteArray>() {
            return Ok(Source::Bytes {
                name: named("<bytes>"),
                bytes: b.to_vec(),
            });
        }
        if let Ok(s) = data.cast::<PyString>() {
            let s = s.to_cow()?;
            if s.starts_with("https://") || s.starts_with("http://") {
                return Ok(Source::Url(s.to_string()));
            }
            return Ok(Source::Bytes {
                name: named("<text>"),
                bytes: s.as_bytes().to_vec(),
            });
        }
        if data.hasattr("__fspath__")? {
            let os = data.py().import("os")?;
            let path = os.call_method1("fspath", (data,))?;
            let path: String = path.extract().map_err(|_| {
                PyTypeError::new_err("a path must be a str path (os.fspath gave bytes)")
            })?;
            return Ok(Source::Path(path));
        }
        Err(PyTypeError::new_err(format!(
            "data must be bytes, bytearray, str (a URL or the document's text) or an os.PathLike, \
             not {}",
            data.get_type().name()?
        )))
    }

    /// The name the report gives this input (`input` in the JSON).
    fn name(&self) -> &str {
        match self {
            Source::Bytes { name, .. } => name,
            Source::Url(url) => url,
            Source::Path(path) => path,
        }
    }

    /// The core's input; a file is read here, at most the input limit plus one byte (an
    /// over-limit input is passed on: extraction reports it with the exact limit, as the CLI).
    fn into_input(self, opts: &Options) -> Result<Input, String> {
        match self {
            Source::Bytes { name, bytes } => Ok(Input::Bytes { name, bytes }),
            Source::Url(url) => Ok(Input::Url(url)),
            Source::Path(path) => {
                let limit = opts.limits.max_input_bytes as u64;
                let mut bytes = Vec::new();
                std::fs::File::open(&path)
                    .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
                    .map_err(|e| format!("cannot read {path}: {e}"))?;
                Ok(Input::Bytes { name: path, bytes })
            }
        }
    }
}

/// Verifies one input so that a bug in the verifier costs this input's report only, as the CLI
/// does ([`badge_verifier::verify::isolated`]; this library is built with `panic = "unwind"`).
/// The shared cache tolerates a poisoned lock and ends an abandoned fetch for its waiters.
fn verify_isolated(source: Source, opts: &Options) -> Report {
    let name = source.name().to_string();
    badge_verifier::verify::isolated(&name.clone(), || match source.into_input(opts) {
        Ok(input) => {
            futures::executor::block_on(core_verify(&input, fetcher(opts.allow_http), opts))
        }
        Err(msg) => Report::error(name, CheckId::Input, Detail::Text(msg)),
    })
}

/// `at`: None (now), an RFC 3339 string, or a timezone-aware `datetime`.
fn parse_at(at: Option<&Bound<'_, PyAny>>) -> PyResult<DateTime<Utc>> {
    let Some(at) = at.filter(|a| !a.is_none()) else {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        return Ok(DateTime::from_timestamp(now.as_secs() as i64, 0).unwrap_or_default());
    };
    let text: String = if let Ok(s) = at.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if at.hasattr("tzinfo")? && at.hasattr("isoformat")? {
        // A naive datetime is no instant: which zone it meant is unknown.
        if at.getattr("tzinfo")?.is_none() || at.call_method0("utcoffset")?.is_none() {
            return Err(PyValueError::new_err(
                "at: a naive datetime; give one with a timezone (e.g. tzinfo=timezone.utc)",
            ));
        }
        at.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "at must be None, an RFC 3339 str or a timezone-aware datetime, not {}",
            at.get_type().name()?
        )));
    };
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| PyValueError::new_err(format!("at {text:?}: not an RFC 3339 time: {e}")))
}

fn options(
    at: Option<&Bound<'_, PyAny>>,
    recipient: Option<String>,
    allow_http: bool,
) -> PyResult<Options> {
    let mut opts = Options::at(parse_at(at)?);
    opts.recipient = recipient;
    opts.allow_http = allow_http;
    Ok(opts)
}

/// The report as the CLI's `--json` prints it, as a dict (the same text, through `json.loads`).
fn to_dict(py: Python<'_>, report: &Report) -> PyResult<Py<PyAny>> {
    let loads = py.import("json")?.getattr("loads")?;
    Ok(loads.call1((report.to_json_line(),))?.unbind())
}

/// Verifies one badge or credential and returns its report: the dict `badge-verify --json`
/// prints for it.
///
/// data: bytes or bytearray (a file's content: PNG, SVG, JSON, JWT, PDF …); a str that is an
/// http(s) URL (fetched) or else the document's own text (never a file path); or an
/// os.PathLike, a file to read.
/// at: RFC 3339 str or timezone-aware datetime at which validity is judged (default: now).
/// recipient: e-mail, URL, DID … to match against the badge's recipient.
/// allow_http: testing only: allow plain http to, and any fetch from, 127.0.0.1 / localhost.
/// name: the report's "input" for bytes and text (default "<bytes>" / "<text>").
///
/// Bad input is a report (verdict "error", "invalid" …), never an exception; TypeError and
/// ValueError are for wrong arguments only. Releases the GIL while verifying; every call in the
/// process shares one cache of fetched documents (see clear_cache).
#[pyfunction]
#[pyo3(signature = (data, *, at=None, recipient=None, allow_http=false, name=None))]
fn verify(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    at: Option<&Bound<'_, PyAny>>,
    recipient: Option<String>,
    allow_http: bool,
    name: Option<String>,
) -> PyResult<Py<PyAny>> {
    let opts = options(at, recipient, allow_http)?;
    let source = Source::from_py(data, name.as_deref())?;
    let report = py.detach(|| verify_isolated(source, &opts));
    to_dict(py, &report)
}

/// Verifies every input (each taken as by verify()) on `threads` threads (default: the
/// cores, at most 4, like the CLI) sharing the process's cache; returns the reports in input
/// order. One input's failure, even a panic in the verifier, is only its own "error" report.
#[pyfunction]
#[pyo3(signature = (inputs, *, at=None, recipient=None, allow_http=false, threads=None))]
fn verify_many(
    py: Python<'_>,
    inputs: &Bound<'_, PyAny>,
    at: Option<&Bound<'_, PyAny>>,
    recipient: Option<String>,
    allow_http: bool,
    threads: Option<usize>,
) -> PyResult<Py<PyList>> {
    let opts = options(at, recipient, allow_http)?;
    if inputs.is_instance_of::<PyString>() || inputs.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "verify_many takes an iterable of inputs; for one input use verify()",
        ));
    }
    let sources = inputs
        .try_iter()?
        .map(|item| Source::from_py(&item?, None))
        .collect::<PyResult<Vec<Source>>>()?;
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_THREADS),
    }
    .min(sources.len().max(1));
    let reports = py.detach(|| verify_on_threads(sources, &opts, threads));
    let dicts = reports
        .iter()
        .map(|r| to_dict(py, r))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, dicts)?.unbind())
}

/// Threads take inputs in turn, as the CLI's workers do.
fn verify_on_threads(sources: Vec<Source>, opts: &Options, threads: usize) -> Vec<Report> {
    let n = sources.len();
    let queue = std::sync::Mutex::new(sources.into_iter().enumerate());
    let mut slots: Vec<Option<Report>> = (0..n).map(|_| None).collect();
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Report)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (tx, queue) = (tx.clone(), &queue);
            scope.spawn(move || loop {
                // The guard is dropped before verifying; a panic is caught inside, so the lock
                // is never poisoned by one.
                let next = queue.lock().map(|mut q| q.next()).unwrap_or(None);
                let Some((i, source)) = next else { break };
                if tx.send((i, verify_isolated(source, opts))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, report) in rx {
            slots[i] = Some(report);
        }
    });
    slots
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            r.unwrap_or_else(|| {
                Report::error(
                    format!("input {i}"),
                    CheckId::Internal,
                    Detail::Text("internal error: this input was not verified".into()),
                )
            })
        })
        .collect()
}

/// Forgets every cached response (issuer profiles, keys, status lists) of this process, so the
/// next verification fetches them again: a long-lived worker calls it to see new revocations.
#[pyfunction]
fn clear_cache() {
    for f in FETCHERS.iter().filter_map(OnceLock::get) {
        f.clear();
    }
}

/// How many responses this process's caches hold.
#[pyfunction]
fn cache_entries() -> usize {
    FETCHERS
        .iter()
        .filter_map(OnceLock::get)
        .map(|f| f.len())
        .sum()
}

#[pymodule]
#[pyo3(name = "_native")]
fn native_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(verify_many, m)?)?;
    m.add_function(wrap_pyfunction!(clear_cache, m)?)?;
    m.add_function(wrap_pyfunction!(cache_entries, m)?)?;
    // Whether this build has the debug-only test hook (tests/test_verify.py).
    m.add("DEBUG_BUILD", cfg!(debug_assertions))?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
