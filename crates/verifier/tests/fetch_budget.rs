//! Issue #14 §3: one fetch budget per input — documents, bytes and a deadline — shared with
//! every sub-verification (status lists, endorsements and what their proofs need), and its
//! exhaustion reported as such. In memory, on the fetcher's own clock: deterministic.

mod status_support;

use badge_verifier::report::{Outcome, Verdict};
use badge_verifier::{Limits, MemoryFetcher, Options};
use serde_json::{json, Value};
use status_support::*;

fn entries(prefix: &str, n: usize) -> Value {
    (0..n)
        .map(|i| {
            bitstring_entry(
                &format!("https://lists.example/{prefix}/{i}"),
                i as u64,
                "revocation",
            )
        })
        .collect::<Vec<_>>()
        .into()
}

/// The case: an unsigned credential with 8 status entries and 12 embedded
/// endorsements with 8 status entries each, every list URL different. Each sub-verification
/// had its own 32-fetch budget: 8 + 12 × 8 = 104 sequential fetches for one input.
fn nested_unsigned() -> Value {
    let iss = Issuer::new(3);
    let mut c = badge(&iss, "urn:uuid:nested", Some(entries("top", 8)));
    let endorsements: Vec<Value> = (0..12)
        .map(|k| {
            let mut e = badge(
                &iss,
                &format!("urn:uuid:e{k}"),
                Some(entries(&format!("e{k}"), 8)),
            );
            e["type"] = json!(["VerifiableCredential", "EndorsementCredential"]);
            e
        })
        .collect();
    c["endorsement"] = endorsements.into();
    c
}

#[test]
fn nested_verifications_share_one_fetch_budget() {
    let f = MemoryFetcher::new();
    let r = run(&nested_unsigned(), &f);
    let fetched = f.requests().len();
    eprintln!("fetches for the nested unsigned credential: {fetched}");
    assert_eq!(fetched, Limits::default().max_fetches);
    assert_eq!(r.verdict, Verdict::Invalid, "unsigned: {}", r.summary);
    let budget = one(&r, "budget");
    assert_eq!(budget.effect, Some(Verdict::Unverifiable));
    assert!(
        budget
            .detail
            .starts_with("verification budget exceeded: more than 32 documents needed for one input (32 documents fetched)"),
        "{}",
        budget.detail
    );
    // Whatever could not be fetched says why: the budget, not a "network error".
    assert!(!format!("{:?}", r.checks).contains("network error"));
}

/// A signed credential (did:key, no key fetch) with one status entry per list.
fn signed_with_lists(n: usize) -> Value {
    let iss = Issuer::new(4);
    iss.sign(badge(&iss, "urn:uuid:lists", Some(entries("signed", n))))
}

#[test]
fn no_fetch_starts_after_the_deadline_and_one_in_flight_gets_the_time_left() {
    // Every answer takes 12 s; the input has 30 s: two lists (24 s), then the third is given
    // the 6 s left and times out at the deadline; the other five are never asked for.
    let f = MemoryFetcher::new().with_latency_ms(12_000);
    let r = run(&signed_with_lists(8), &f);
    assert_eq!(f.requests().len(), 3, "{:?}", f.requests());
    assert_eq!(r.verdict, Verdict::Unverifiable);
    assert!(
        r.summary
            .starts_with("verification budget exceeded: the 30 s deadline for one input passed"),
        "{}",
        r.summary
    );
    let statuses = checks(&r, "status");
    assert_eq!(statuses.len(), 8);
    for c in &statuses[2..] {
        assert!(
            c.detail
                .contains("verification budget exceeded: the 30 s deadline"),
            "{}",
            c.detail
        );
    }
}

#[test]
fn fetched_bytes_are_budgeted_per_input() {
    let iss = Issuer::new(4);
    let mut f = MemoryFetcher::new();
    for i in 0..3 {
        let url = format!("https://lists.example/signed/{i}");
        let list = iss.sign(bitstring_list(
            &iss.did,
            &url,
            "revocation",
            &bits(4096, 1, &[]),
        ));
        f.insert(
            &url,
            200,
            "application/vc+ld+json",
            serde_json::to_vec(&list).unwrap(),
        );
    }
    let size = f.requests().len(); // 0: nothing asked yet
    assert_eq!(size, 0);
    let mut opts = Options::at(at());
    // Room for about one and a half lists.
    let one_list = serde_json::to_vec(&iss.sign(bitstring_list(
        &iss.did,
        "https://lists.example/signed/0",
        "revocation",
        &bits(4096, 1, &[]),
    )))
    .unwrap()
    .len();
    opts.limits.max_fetched_bytes = one_list * 3 / 2;
    let r = run_opts(&signed_with_lists(3), &f, &opts);
    let statuses = checks(&r, "status");
    assert_eq!(
        statuses[0].outcome,
        Outcome::Passed,
        "{}",
        statuses[0].detail
    );
    assert!(statuses[1]
        .detail
        .contains("verification budget exceeded: more than"));
    assert_eq!(f.requests().len(), 2, "the third list is not fetched");
    assert_eq!(r.verdict, Verdict::Unverifiable);
    assert!(one(&r, "budget")
        .detail
        .contains("bytes fetched for one input"));
    // With the default budget all three are checked.
    let r = run(&signed_with_lists(3), &f);
    assert_eq!(r.verdict, Verdict::Valid, "{}", r.summary);
}
