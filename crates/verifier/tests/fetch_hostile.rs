//! Issue #14 §3, "every fetch obeys the policy, every hop": the native fetcher and the CLI
//! against a hostile server on 127.0.0.1 (started here, bounded in time, stopped on drop):
//! redirect chains to refused addresses and schemes, names that resolve to loopback, and slow
//! answers against the per-input deadline.

#[path = "support/http_server.rs"]
mod http_server;
mod status_support;

use badge_verifier::report::{Outcome, Verdict};
use badge_verifier::resolve::fetch::{FetchError, FetchLimits, FetchPolicy, FetchPurpose, Fetcher};
use badge_verifier::resolve::native::NativeFetcher;
use badge_verifier::{verify, Input, Limits, Options};
use http_server::{Route, Server};
use status_support::*;
use std::time::{Duration, Instant};

const DOC: &str = r#"{"hello":"world"}"#;

fn server() -> Server {
    let s = Server::start(Duration::from_secs(60));
    s.doc("/doc", "application/json", DOC);
    s
}

fn testing() -> NativeFetcher {
    NativeFetcher::new(FetchLimits::default(), FetchPolicy { allow_http: true })
}

fn get(f: &NativeFetcher, url: &str) -> Result<badge_verifier::Response, FetchError> {
    futures::executor::block_on(f.get(url, FetchPurpose::Badge, 10_000))
}

#[test]
fn redirects_are_followed_and_checked_at_every_hop() {
    let s = server();
    let p = s.port;
    s.redirect("/relative", "/doc");
    s.redirect("/hop1", &s.url("/hop2"));
    s.redirect("/hop2", "/relative");
    let f = testing();
    let r = get(&f, &s.url("/hop1")).unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.body, DOC.as_bytes());
    assert_eq!(r.final_url, s.url("/doc"));

    // Every one of these was reachable through a redirect before, though most are refused
    // when named directly; each is refused now, and /doc is never reached through them.
    let refused = [
        ("/to-mapped", format!("http://[::ffff:127.0.0.1]:{p}/doc")),
        (
            "/to-mapped-https",
            format!("https://[::ffff:127.0.0.1]:{p}/doc"),
        ),
        ("/to-zero", format!("http://0.0.0.0:{p}/doc")),
        ("/to-zero-https", format!("https://0.0.0.0:{p}/doc")),
        ("/to-private", format!("https://10.0.0.1:{p}/doc")),
        (
            "/to-link-local",
            "https://169.254.169.254/latest/meta-data/".into(),
        ),
        ("/to-v6-private", format!("https://[fd00::1]:{p}/doc")),
        ("/to-file", "file:///etc/passwd".into()),
        ("/to-data", "data:application/json,{}".into()),
        ("/to-ftp", "ftp://127.0.0.1/doc".into()),
    ];
    for (path, target) in &refused {
        s.redirect(path, target);
    }
    // A chain whose third hop goes somewhere refused.
    s.redirect("/chain1", &s.url("/chain2"));
    s.redirect("/chain2", "/to-zero");
    let before = s.count("/doc");
    for path in refused.iter().map(|(p, _)| *p).chain(["/chain1"]) {
        match get(&f, &s.url(path)) {
            Err(FetchError::Refused(why)) => assert!(!why.to_string().is_empty()),
            other => panic!("{path}: {other:?}"),
        }
    }
    assert_eq!(s.count("/doc"), before, "no refused redirect reached /doc");
    assert_eq!(s.count("/chain2"), 1);
    assert_eq!(
        get(&f, &s.url("/to-zero")).unwrap_err().to_string(),
        "refused: 0.0.0.0 is an unspecified (\"this network\") address"
    );
}

#[test]
fn redirect_loops_end() {
    let s = server();
    s.redirect("/a", "/b");
    s.redirect("/b", "/a");
    assert_eq!(
        get(&testing(), &s.url("/a")).unwrap_err(),
        FetchError::TooManyRedirects { limit: 5 }
    );
    assert_eq!(s.count("/a") + s.count("/b"), 6);
}

#[test]
fn loopback_is_refused_outside_test_mode_by_name_and_by_address() {
    let s = server();
    let strict = NativeFetcher::new(FetchLimits::default(), FetchPolicy { allow_http: false });
    for url in [
        format!("https://127.0.0.1:{}/doc", s.port),
        format!("https://localhost:{}/doc", s.port),
        format!("https://[::1]:{}/doc", s.port),
        format!("http://127.0.0.1:{}/doc", s.port),
    ] {
        assert!(get(&strict, &url).is_err(), "{url}");
    }
    // A name other than localhost that resolves to loopback (this machine's own name usually
    // does, in /etc/hosts) is refused by the address it resolves to.
    let own = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let own = own.trim();
    let resolves_to_loopback = !own.is_empty()
        && std::net::ToSocketAddrs::to_socket_addrs(&(own, s.port))
            .is_ok_and(|mut a| a.all(|a| a.ip().is_loopback()));
    if resolves_to_loopback {
        let e = get(&strict, &format!("https://{own}:{}/doc", s.port)).unwrap_err();
        assert!(matches!(e, FetchError::Refused(_)), "{e:?}");
        assert_eq!(
            e.to_string(),
            format!("refused: {own} resolves to a loopback address 127.0.0.1")
        );
    }
    assert_eq!(s.count("/doc"), 0);
}

/// A signed credential (did:key: no fetch for its key) with one status entry per URL.
fn with_status_lists(urls: &[String]) -> serde_json::Value {
    let iss = Issuer::new(7);
    let entries: Vec<_> = urls
        .iter()
        .enumerate()
        .map(|(i, u)| bitstring_entry(u, i as u64, "revocation"))
        .collect();
    iss.sign(badge(&iss, "urn:uuid:slow", Some(entries.into())))
}

#[test]
fn slow_status_lists_are_cut_at_the_input_deadline() {
    let s = Server::start(Duration::from_secs(60));
    let urls: Vec<String> = (0..8)
        .map(|i| {
            let path = format!("/slow/{i}");
            s.route(
                &path,
                Route::Slow(
                    Duration::from_secs(20),
                    "application/json".into(),
                    b"{}".to_vec(),
                ),
            );
            s.url(&path)
        })
        .collect();
    let mut opts = Options::at(at());
    opts.allow_http = true;
    opts.limits = Limits {
        deadline_ms: 1_500,
        ..Limits::default()
    };
    let f = testing();
    let input = Input::Bytes {
        name: "slow.json".into(),
        bytes: serde_json::to_vec(&with_status_lists(&urls)).unwrap(),
    };
    let t = Instant::now();
    let r = futures::executor::block_on(verify(&input, &f, &opts));
    let took = t.elapsed();
    // Eight lists of 20 s each, one after the other, would take 160 s (120 s with the
    // fetcher's own 15 s limit); the input's deadline stops it all at 1.5 s.
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_eq!(r.verdict, Verdict::Unverifiable);
    let budget = one(&r, "budget");
    assert_eq!(budget.outcome, Outcome::NotChecked);
    assert_eq!(budget.effect, Some(Verdict::Unverifiable));
    assert!(
        budget
            .detail
            .starts_with("verification budget exceeded: the 1.5 s deadline for one input passed"),
        "{}",
        budget.detail
    );
    assert!(
        r.summary.starts_with("verification budget exceeded"),
        "{}",
        r.summary
    );
    let statuses = checks(&r, "status");
    assert_eq!(statuses.len(), 8);
    for c in statuses {
        assert!(
            c.detail.contains("verification budget exceeded"),
            "{}",
            c.detail
        );
    }
    // Only the first list was asked for: no fetch starts after the deadline.
    let asked: usize = s.counts().values().sum();
    assert_eq!(asked, 1, "{:?}", s.counts());
}

#[test]
fn a_body_over_the_limit_is_refused() {
    let s = server();
    let small = NativeFetcher::new(
        FetchLimits {
            max_bytes: 10,
            ..FetchLimits::default()
        },
        FetchPolicy { allow_http: true },
    );
    assert_eq!(
        get(&small, &s.url("/doc")).unwrap_err(),
        FetchError::TooLarge { limit: 10 }
    );
    assert_eq!(
        get(&testing(), &s.url("/doc")).unwrap().body,
        DOC.as_bytes()
    );
}
