//! `badge-verify [--json] [--recipient IDENTITY] [--at RFC3339] [--allow-http] INPUT...`
//! `badge-verify serve …`: the app and its fetch relay on 127.0.0.1 (`serve.rs`).
//!
//! Verifies baked PNG/SVG badges, JSON, JWS/JWT files, URLs, or stdin (`-`). Exit status 0 when
//! every input is valid, 1 when any is not, 2 on a usage error. Every input gets its report, in
//! order: one that makes the verifier fail unexpectedly is reported as `error` on its own.

/// Verification allocates a lot of small, short-lived objects (JSON, JSON-LD, RDF terms); with
/// glibc's malloc, allocation was about half of the CLI's CPU time (BENCHMARKS.md).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "serve") {
        std::process::exit(serve::run(args.into_iter().skip(1).collect()));
    }
    std::process::exit(cli::run(args));
}

#[cfg(not(target_arch = "wasm32"))]
mod serve;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use badge_verifier::detail::Detail;
    use badge_verifier::report::{CheckId, Format, FoundAt, FoundKind, Outcome, Report};
    use badge_verifier::resolve::fetch::FetchLimits;
    use badge_verifier::resolve::native::NativeFetcher;
    use badge_verifier::verify::validity::parse_datetime;
    use badge_verifier::{verify, Fetcher, Input, Options, Verdict};
    use std::io::{Read, Write};

    const USAGE: &str = "usage: badge-verify [--json] [--recipient IDENTITY] [--at RFC3339] [--allow-http] INPUT...
       badge-verify serve [--port N] [--dist DIR] [--allow-http] [--log]   (serve --help)
  INPUT        a .png/.svg/.json/.jwt/.jws file (detected by content), an http(s) URL (a badge,
               a Credly badge page or profile, a web page that embeds or links badges), or - for stdin
  --json       one JSON report per input, one per line, in input order (a CLR's or a
               presentation's credentials as its \"nested\" reports)
  --recipient  e-mail, URL, DID … to match against the badge's (possibly hashed) recipient
  --at         evaluate expiry and validity at this RFC 3339 time (default: now)
  --allow-http testing only: allow plain http to, and any fetch from, 127.0.0.1 / localhost
  --platform-origin ORIGIN
               testing only, with --allow-http: a local server stands in for Credly's API
exit status: 0 all valid, 1 any not valid, 2 usage error";

    /// Most inputs verified at once (see `run`).
    const MAX_WORKERS: usize = 4;

    struct Args {
        json: bool,
        opts: Options,
        inputs: Vec<String>,
    }

    fn parse(args: Vec<String>) -> Result<Args, String> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let mut opts = Options::at(
            chrono::DateTime::from_timestamp(now.as_secs() as i64, 0).unwrap_or_default(),
        );
        let (mut json, mut inputs) = (false, Vec::new());
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--json" => json = true,
                "--allow-http" => opts.allow_http = true,
                "--platform-origin" => {
                    opts.platform_origin =
                        Some(it.next().ok_or("--platform-origin needs an origin")?)
                }
                "--recipient" => {
                    opts.recipient = Some(it.next().ok_or("--recipient needs a value")?)
                }
                "--at" => {
                    let v = it.next().ok_or("--at needs an RFC 3339 time")?;
                    let t = chrono::DateTime::parse_from_rfc3339(&v)
                        .map_err(|e| format!("--at {v}: {e}"))?;
                    opts.at = t.with_timezone(&chrono::Utc);
                }
                "-h" | "--help" => return Err(String::new()),
                "--" => inputs.extend(it.by_ref()),
                s if s.starts_with("--") => return Err(format!("unknown option {s}")),
                _ => inputs.push(a),
            }
        }
        if inputs.is_empty() {
            return Err("no INPUT given".into());
        }
        let _ = parse_datetime; // same parser family as the core; --at is strict RFC 3339
        Ok(Args { json, opts, inputs })
    }

    pub fn run(args: Vec<String>) -> i32 {
        let args = match parse(args) {
            Ok(a) => a,
            Err(msg) => {
                if !msg.is_empty() {
                    eprintln!("badge-verify: {msg}");
                }
                eprintln!("{USAGE}");
                return if msg.is_empty() { 0 } else { 2 };
            }
        };
        // One cache for the run: inputs from one issuer share its profile, keys and status lists.
        let fetcher = badge_verifier::resolve::cache::CachingFetcher::new(NativeFetcher::new(
            FetchLimits::default(),
            args.opts.fetch_policy(),
        ));
        // At most MAX_WORKERS: in the worst case each worker holds one input's status list as
        // bytes and as parsed JSON (≈ 50 MB), and a run must stay under 256 MB whatever its
        // inputs point to (issue #14; measured: 72 MB with 1 worker, 115–127 MB with 2).
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_WORKERS)
            .min(args.inputs.len());
        let next = std::sync::atomic::AtomicUsize::new(0);
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Report)>();
        let mut all_valid = true;
        std::thread::scope(|scope| {
            // Workers take inputs in turn; reports are printed in input order as they complete.
            for _ in 0..workers {
                let (tx, next, fetcher, args) = (tx.clone(), &next, &fetcher, &args);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(raw) = args.inputs.get(i) else { break };
                    let report = verify_isolated(raw, &args.opts, fetcher);
                    if tx.send((i, report)).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            let mut pending = std::collections::BTreeMap::new();
            let mut printed = 0;
            let mut out = std::io::stdout().lock();
            for (i, report) in rx {
                pending.insert(i, report);
                while let Some(report) = pending.remove(&printed) {
                    printed += 1;
                    all_valid &= report.verdict == Verdict::Valid;
                    let text = if args.json {
                        report.to_json_line()
                    } else {
                        human(&report)
                    };
                    // A closed pipe (`| head`) is not an error worth a panic.
                    let _ = writeln!(out, "{text}");
                }
            }
        });
        if all_valid {
            0
        } else {
            1
        }
    }

    /// Verifies one input so that a bug in the verifier costs this input's report only
    /// ([`badge_verifier::verify::isolated`]: the CLI's profiles unwind, so a panic becomes this
    /// input's report and the worker goes on with the next input). Unwinding leaves nothing
    /// half-done behind for the other inputs: the shared [`CachingFetcher`] tolerates a
    /// poisoned lock and ends an abandoned fetch for its waiters, and the per-thread memos only
    /// ever hold complete entries.
    ///
    /// [`CachingFetcher`]: badge_verifier::resolve::cache::CachingFetcher
    fn verify_isolated<F: Fetcher>(raw: &str, opts: &Options, fetcher: &F) -> Report {
        badge_verifier::verify::isolated(raw, || match load(raw, opts) {
            Ok(input) => futures::executor::block_on(verify(&input, fetcher, opts)),
            // The CLI speaks English: its own messages are text, not templates.
            Err(msg) => Report::error(raw, CheckId::Input, Detail::Text(msg)),
        })
    }

    /// "page 2, link \"Robotics\"", "embedded JSON-LD" …
    fn found_at(at: &FoundAt) -> String {
        let kind = match at.kind {
            FoundKind::Link => "link",
            FoundKind::Text => "URL in the text",
            FoundKind::Attachment => "attachment",
            FoundKind::Embedded => "embedded JSON-LD",
            FoundKind::QrCode => "QR code",
        };
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = at.page {
            parts.push(format!("page {p}"));
        }
        parts.push(match &at.name {
            Some(n) => format!("{kind} \"{n}\""),
            None => kind.to_string(),
        });
        parts.join(", ")
    }

    fn load(raw: &str, opts: &Options) -> Result<Input, String> {
        if raw.starts_with("https://") || raw.starts_with("http://") {
            return Ok(Input::Url(raw.to_string()));
        }
        let limit = opts.limits.max_input_bytes as u64;
        let mut bytes = Vec::new();
        let read = if raw == "-" {
            std::io::stdin()
                .lock()
                .take(limit + 1)
                .read_to_end(&mut bytes)
        } else {
            std::fs::File::open(raw).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        };
        read.map_err(|e| format!("cannot read {raw}: {e}"))?;
        // Over-limit input is passed on: extraction reports it with the exact limit.
        Ok(Input::Bytes {
            name: raw.to_string(),
            bytes,
        })
    }

    fn human(r: &Report) -> String {
        let mut s = String::new();
        human_at(r, 0, &mut s);
        s
    }

    /// One report, and under it each nested report (a CLR's or a presentation's credentials,
    /// issue #16) indented one step further: its verdict, name, issuer and format, and only the
    /// checks that did not pass (its full report is in `--json`).
    fn human_at(r: &Report, depth: usize, s: &mut String) {
        let pad = "    ".repeat(depth);
        let arrow = if depth == 0 { "" } else { "└ " };
        s.push_str(&format!(
            "{pad}{arrow}{}: {} — {}\n",
            r.input,
            r.verdict.as_str().to_uppercase(),
            r.summary
        ));
        // Issue #17: where in its page (or PDF) this badge was found, and a platform's page
        // verified through the badge's own data.
        if let Some(at) = &r.found_at {
            s.push_str(&format!("{pad}  found: {}\n", found_at(at)));
        }
        if let Some(l) = &r.link {
            // The `link` check's sentence ("credly.com badge page → verified …").
            let what = r
                .checks
                .iter()
                .find(|c| c.id == CheckId::Link)
                .map(|c| c.detail.to_string())
                .unwrap_or_else(|| {
                    format!("{} page {} → verified {}", l.platform, l.page, l.verified)
                });
            s.push_str(&format!("{pad}  link: {what}\n"));
        }
        let presentation = matches!(
            r.format,
            Some(Format::Presentation | Format::PresentationJwt)
        );
        if let Some(b) = &r.badge {
            let unnamed = if b.credential_types.is_empty() {
                "(unnamed badge)"
            } else {
                "(unnamed credential)"
            };
            let name = b.name.as_deref().unwrap_or(unnamed);
            if presentation {
                let holder = b
                    .recipient
                    .as_ref()
                    .and_then(|h| h.identity.as_deref())
                    .unwrap_or("no holder named");
                s.push_str(&format!("{pad}  {name} — held by {holder}\n"));
            } else {
                let issuer = b
                    .issuer
                    .name
                    .as_deref()
                    .or(b.issuer.id.as_deref())
                    .unwrap_or("unknown issuer");
                s.push_str(&format!("{pad}  {name} — issued by {issuer}\n"));
            }
        }
        if let Some(f) = r.format {
            s.push_str(&format!("{pad}  format: {}\n", f.as_str()));
        }
        if let Some(t) = r.badge.as_ref().and_then(|b| b.transcript.as_ref()) {
            s.push_str(&format!(
                "{pad}  transcript: {} achievement(s), {} association(s)\n",
                t.achievements.len(),
                t.associations.len()
            ));
            for a in &t.achievements {
                let results: Vec<String> = a
                    .results
                    .iter()
                    .map(|r| {
                        [r.name.as_deref(), r.value.as_deref(), r.status.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                s.push_str(&format!(
                    "{pad}    - {}{}{}\n",
                    a.name.as_deref().unwrap_or("(unnamed achievement)"),
                    a.kind
                        .as_deref()
                        .map(|k| format!(" ({k})"))
                        .unwrap_or_default(),
                    if results.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", results.join("; "))
                    }
                ));
            }
            for a in &t.associations {
                let end = |name: &Option<String>, id: &Option<String>| {
                    name.clone()
                        .or_else(|| id.clone())
                        .unwrap_or_else(|| "?".into())
                };
                s.push_str(&format!(
                    "{pad}    {} {} {}\n",
                    end(&a.source_name, &a.source),
                    a.kind.as_deref().unwrap_or("is associated with"),
                    end(&a.target_name, &a.target)
                ));
            }
        }
        // Issue #16: a credential of another kind is verified as one, and said to be so.
        if matches!(r.format, Some(Format::VcDataIntegrity | Format::VcJwt)) {
            let types = r
                .badge
                .as_ref()
                .map(|b| b.credential_types.join(", "))
                .unwrap_or_default();
            s.push_str(&format!(
                "{pad}  a Verifiable Credential, not an Open Badge (type: {types})\n"
            ));
        }
        for c in &r.checks {
            let mark = match c.outcome {
                Outcome::Passed => "ok  ",
                Outcome::Failed => "FAIL",
                Outcome::Warning => "warn",
                Outcome::NotChecked => "skip",
                Outcome::NotApplicable => "n/a ",
            };
            if depth > 0 && matches!(c.outcome, Outcome::Passed | Outcome::NotApplicable) {
                continue;
            }
            s.push_str(&format!("{pad}  [{mark}] {}: {}\n", c.id, c.detail));
        }
        for n in &r.nested {
            human_at(n, depth + 1, s);
        }
    }
}
