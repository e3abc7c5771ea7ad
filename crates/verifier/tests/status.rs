//! OB 3.0 credentialStatus: Bitstring Status List, StatusList2021, 1EdTechRevocationList, with
//! our own signed lists (Ed25519 did:key) and the 1EdTech validator's fixtures
//! (tests/fixtures/status/SOURCES.md). Nothing is fetched from the network.

mod status_support;

use badge_verifier::report::{Outcome, Report, Verdict};
use badge_verifier::resolve::cache::CachingFetcher;
use badge_verifier::MemoryFetcher;
use serde_json::{json, Value};
use status_support::*;

const LIST: &str = "https://issuer.example/status/1";
const LIST2: &str = "https://issuer.example/status/2";

fn serve(f: &mut MemoryFetcher, url: &str, doc: &Value) {
    f.insert(
        url,
        200,
        "application/vc+ld+json",
        serde_json::to_vec(doc).unwrap(),
    );
}

/// Serves at `url` a Bitstring list by `iss` for `purpose`: 16 KB of `size`-bit entries, the
/// `set` ones (index, value) non-zero.
fn serve_list(
    f: &mut MemoryFetcher,
    iss: &Issuer,
    url: &str,
    purpose: &str,
    size: u32,
    set: &[(u64, u64)],
) {
    let list = bitstring_list(&iss.did, url, purpose, &bits(16 * 1024, size, set));
    serve(f, url, &iss.sign(list));
}

/// A badge signed by `iss` with one Bitstring entry: `index` in the list at `url`.
fn listed(iss: &Issuer, id: &str, url: &str, index: u64, purpose: &str) -> Value {
    iss.sign(badge(iss, id, Some(bitstring_entry(url, index, purpose))))
}

/// The badge is unverifiable: its status could not be checked, for a reason containing `why`.
fn assert_status_unverifiable(r: &Report, why: &str) {
    assert_verdict(r, Verdict::Unverifiable);
    let (outcome, effect) = (Outcome::NotChecked, Some(Verdict::Unverifiable));
    assert_check(one(r, "status"), outcome, effect, why);
}

/// The badge is revoked by its status, the check's detail containing `what`.
fn assert_status_revoked(r: &Report, what: &str) {
    assert_verdict(r, Verdict::Revoked);
    assert_check(
        one(r, "status"),
        Outcome::Failed,
        Some(Verdict::Revoked),
        what,
    );
}

/// A signed badge with one Bitstring entry at `index`, and a fetcher serving a signed list
/// (`purpose`) in which `set` entries are 1.
fn bitstring_case(index: u64, purpose: &str, set: &[u64]) -> (Value, MemoryFetcher) {
    let iss = Issuer::new(1);
    let list = bitstring_list(
        &iss.did,
        LIST,
        purpose,
        &bits(
            16 * 1024,
            1,
            &set.iter().map(|&i| (i, 1)).collect::<Vec<_>>(),
        ),
    );
    let mut f = MemoryFetcher::new();
    serve(&mut f, LIST, &iss.sign(list));
    let cred = listed(&iss, "urn:uuid:status-1", LIST, index, purpose);
    (cred, f)
}

#[test]
fn bitstring_revoked() {
    let (cred, f) = bitstring_case(5, "revocation", &[5, 9]);
    let r = run(&cred, &f);
    assert_status_revoked(&r, &format!("{LIST}#5"));
    assert_eq!(
        r.expert.status_lists,
        vec![format!("{LIST}#5 (revocation)")]
    );
    assert!(r.expert.fetched.contains(&LIST.to_string()));
    // The badge's own proof verified: the verdict comes from the list alone.
    assert_eq!(one(&r, "proof").outcome, Outcome::Passed);
}

/// A status list is fetched as one (the app says "Checking the revocation list…").
#[test]
fn the_status_list_is_fetched_as_one() {
    let (cred, f) = bitstring_case(6, "revocation", &[5, 7]);
    assert_verdict(&run(&cred, &f), Verdict::Valid);
    assert_eq!(
        f.requested(),
        vec![(LIST.to_string(), badge_verifier::FetchPurpose::StatusList)]
    );
}

#[test]
fn bitstring_active() {
    let (cred, f) = bitstring_case(6, "revocation", &[5, 7]);
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Valid);
    assert_check(one(&r, "status"), Outcome::Passed, None, "not revoked");
}

#[test]
fn bitstring_index_zero_is_the_first_bit() {
    let (cred, f) = bitstring_case(0, "revocation", &[0]);
    assert_verdict(&run(&cred, &f), Verdict::Revoked);
}

#[test]
fn bitstring_suspended() {
    let (cred, f) = bitstring_case(42, "suspension", &[42]);
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Suspended);
    assert_check(
        one(&r, "status"),
        Outcome::Failed,
        Some(Verdict::Suspended),
        "suspended",
    );
    let (cred, f) = bitstring_case(43, "suspension", &[42]);
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Valid);
    assert_check(one(&r, "status"), Outcome::Passed, None, "not suspended");
}

#[test]
fn statuslist2021_revoked_and_active() {
    let iss = Issuer::new(2);
    let list = statuslist2021(
        &iss.did,
        LIST,
        "revocation",
        &bits(16 * 1024, 1, &[(94567, 1)]),
    );
    let mut f = MemoryFetcher::new();
    serve(&mut f, LIST, &iss.sign(list));
    for (index, verdict) in [(94567u64, Verdict::Revoked), (94566, Verdict::Valid)] {
        let mut c = badge(&iss, "urn:uuid:sl2021", None);
        c["@context"] = json!([
            "https://www.w3.org/2018/credentials/v1",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
            "https://w3id.org/vc/status-list/2021/v1",
            "https://w3id.org/security/data-integrity/v2"
        ]);
        let o = c.as_object_mut().unwrap();
        o.remove("validFrom");
        o.insert("issuanceDate".into(), json!("2024-01-01T00:00:00Z"));
        c["credentialStatus"] = json!({
            "id": format!("{LIST}#{index}"),
            "type": "StatusList2021Entry",
            "statusPurpose": "revocation",
            "statusListIndex": index.to_string(),
            "statusListCredential": LIST
        });
        let r = run(&iss.sign(c), &f);
        assert_verdict(&r, verdict);
        let s = one(&r, "status");
        match verdict {
            Verdict::Revoked => assert_check(s, Outcome::Failed, Some(Verdict::Revoked), "revoked"),
            _ => assert_check(s, Outcome::Passed, None, "not revoked"),
        }
    }
}

#[test]
fn list_not_found_is_unverifiable() {
    let (cred, mut f) = bitstring_case(5, "revocation", &[]);
    f.insert(LIST, 404, "text/plain", "gone");
    let r = run(&cred, &f);
    assert_status_unverifiable(&r, "HTTP 404");
    // Not served at all: the same.
    let (cred, _) = bitstring_case(5, "revocation", &[]);
    let r = run(&cred, &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(one(&r, "status").detail.contains("could not be fetched"));
}

#[test]
fn list_with_a_bad_signature_is_unverifiable() {
    let iss = Issuer::new(1);
    // Signed with every bit clear, then the issuer's "revoked" bit is cleared again by an
    // attacker re-encoding: here, a list signed over one encodedList and served with another.
    let signed = iss.sign(bitstring_list(
        &iss.did,
        LIST,
        "revocation",
        &bits(16 * 1024, 1, &[(5, 1)]),
    ));
    let mut tampered = signed.clone();
    tampered["credentialSubject"]["encodedList"] =
        bitstring_list(&iss.did, LIST, "revocation", &bits(16 * 1024, 1, &[]))["credentialSubject"]
            ["encodedList"]
            .clone();
    let mut f = MemoryFetcher::new();
    serve(&mut f, LIST, &tampered);
    let cred = listed(&iss, "urn:uuid:x", LIST, 5, "revocation");
    let r = run(&cred, &f);
    assert_status_unverifiable(&r, "could not be trusted");
    // An unsigned list is no better.
    let mut unsigned = signed;
    unsigned.as_object_mut().unwrap().remove("proof");
    let mut f = MemoryFetcher::new();
    serve(&mut f, LIST, &unsigned);
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(one(&r, "status").detail.contains("could not be trusted"));
}

#[test]
fn expired_list_is_unverifiable() {
    let iss = Issuer::new(1);
    let mut list = bitstring_list(&iss.did, LIST, "revocation", &bits(16 * 1024, 1, &[]));
    list["validUntil"] = json!("2025-06-01T00:00:00Z");
    let mut f = MemoryFetcher::new();
    serve(&mut f, LIST, &iss.sign(list));
    let cred = listed(&iss, "urn:uuid:x", LIST, 5, "revocation");
    let r = run(&cred, &f);
    assert_status_unverifiable(&r, "cannot be used");
}

#[test]
fn index_beyond_the_list_is_unverifiable() {
    let (cred, f) = bitstring_case(16 * 1024 * 8, "revocation", &[]);
    let r = run(&cred, &f);
    assert_status_unverifiable(&r, "beyond");
}

#[test]
fn purpose_mismatch_is_unverifiable() {
    let iss = Issuer::new(1);
    let mut f = MemoryFetcher::new();
    serve_list(&mut f, &iss, LIST, "suspension", 1, &[]);
    let cred = listed(&iss, "urn:uuid:x", LIST, 5, "revocation");
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(one(&r, "status").detail.contains("not for \"revocation\""));
}

#[test]
fn unknown_status_type_is_unverifiable() {
    let iss = Issuer::new(1);
    let cred = iss.sign(badge(
        &iss,
        "urn:uuid:x",
        Some(json!({"id": "https://issuer.example/rl2020#1", "type": "https://example.org/vocab#RevocationList2020Status"})),
    ));
    let r = run(&cred, &MemoryFetcher::new());
    assert_status_unverifiable(
        &r,
        "status type https://example.org/vocab#RevocationList2020Status is not supported",
    );
}

#[test]
fn several_statuses_are_each_checked() {
    let iss = Issuer::new(1);
    let mut f = MemoryFetcher::new();
    serve_list(&mut f, &iss, LIST, "revocation", 1, &[(3, 1)]);
    serve_list(&mut f, &iss, LIST2, "suspension", 1, &[(4, 1)]);
    let two = |rev: u64, sus: u64| {
        iss.sign(badge(
            &iss,
            "urn:uuid:x",
            Some(json!([
                bitstring_entry(LIST, rev, "revocation"),
                bitstring_entry(LIST2, sus, "suspension")
            ])),
        ))
    };
    // Not revoked, suspended.
    let r = run(&two(1, 4), &f);
    assert_verdict(&r, Verdict::Suspended);
    let s = checks(&r, "status");
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].outcome, Outcome::Passed);
    assert!(s[0].detail.starts_with("status 1 of 2"));
    assert_eq!(s[1].effect, Some(Verdict::Suspended));
    assert_eq!(
        r.expert.status_lists,
        vec![
            format!("{LIST}#1 (revocation)"),
            format!("{LIST2}#4 (suspension)")
        ]
    );
    // Revoked and suspended: revoked is the worse.
    assert_verdict(&run(&two(3, 4), &f), Verdict::Revoked);
    // Neither.
    assert_verdict(&run(&two(1, 1), &f), Verdict::Valid);
    // One good, one unknown type: unverifiable, not valid.
    let mixed = iss.sign(badge(
        &iss,
        "urn:uuid:x",
        Some(json!([bitstring_entry(LIST, 1, "revocation"), {"type": "https://example.org/vocab#FancyStatus"}])),
    ));
    assert_verdict(&run(&mixed, &f), Verdict::Unverifiable);
}

#[test]
fn a_shared_list_is_fetched_once() {
    let iss = Issuer::new(1);
    let mut mem = MemoryFetcher::new();
    serve_list(&mut mem, &iss, LIST, "revocation", 1, &[(7, 1)]);
    let f = CachingFetcher::new(mem);
    let a = listed(&iss, "urn:uuid:a", LIST, 7, "revocation");
    let b = listed(&iss, "urn:uuid:b", LIST, 8, "revocation");
    assert_verdict(&run(&a, &f), Verdict::Revoked);
    assert_verdict(&run(&b, &f), Verdict::Valid);
    let fetched: Vec<String> = f
        .inner()
        .requests()
        .into_iter()
        .filter(|u| u == LIST)
        .collect();
    assert_eq!(fetched.len(), 1, "{:?}", f.inner().requests());
}

#[test]
fn status_messages_with_wider_entries() {
    let iss = Issuer::new(1);
    let mut f = MemoryFetcher::new();
    serve_list(&mut f, &iss, LIST, "message", 2, &[(10, 2)]);
    let mut entry = bitstring_entry(LIST, 10, "message");
    entry["statusSize"] = json!(2);
    entry["statusMessage"] = json!([
        {"status": "0x0", "message": "pending"},
        {"status": "0x1", "message": "accepted"},
        {"status": "0x2", "message": "under review"}
    ]);
    let r = run(&iss.sign(badge(&iss, "urn:uuid:m", Some(entry))), &f);
    assert_verdict(&r, Verdict::Valid);
    assert_check(one(&r, "status"), Outcome::Warning, None, "under review");
}

/// A list is evidence only when the credential's issuer signed it (issue #14): a list that
/// another issuer signed, correctly, says nothing about this badge.
#[test]
fn a_list_from_another_issuer_is_not_evidence() {
    let iss = Issuer::new(1);
    let other = Issuer::new(3);
    let mut f = MemoryFetcher::new();
    serve(
        &mut f,
        LIST,
        &other.sign(bitstring_list(
            &other.did,
            LIST,
            "revocation",
            &bits(16 * 1024, 1, &[]),
        )),
    );
    let r = run(&listed(&iss, "urn:uuid:x", LIST, 1, "revocation"), &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert_check(
        one(&r, "status"),
        Outcome::NotChecked,
        Some(Verdict::Unverifiable),
        &format!(
            "signed by {}, not by the credential's issuer {}",
            other.did, iss.did
        ),
    );
}

/// A stranger's list that names the credential's issuer as its own: its proof does not verify
/// with a key bound to that issuer, so it is no evidence either way.
#[test]
fn a_list_signed_by_a_stranger_in_the_issuers_name_is_not_evidence() {
    let iss = Issuer::new(1);
    let stranger = Issuer::new(3);
    let mut f = MemoryFetcher::new();
    let mut list = bitstring_list(&iss.did, LIST, "revocation", &bits(16 * 1024, 1, &[]));
    // Signed with the stranger's key, while claiming the issuer's DID.
    list = stranger.sign(list);
    list["issuer"] = json!(iss.did);
    serve(&mut f, LIST, &list);
    let r = run(&listed(&iss, "urn:uuid:x", LIST, 1, "revocation"), &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert_eq!(one(&r, "status").effect, Some(Verdict::Unverifiable));
    assert!(r.issued_by.is_none() || r.verdict != Verdict::Valid);
}

#[test]
fn gzip_bomb_list_is_unverifiable_not_a_crash() {
    let iss = Issuer::new(1);
    let mut list = bitstring_list(&iss.did, LIST, "revocation", &[]);
    list["credentialSubject"]["encodedList"] = json!(badge_verifier::status::bitstring::encode(
        &vec![0u8; 17 * 1024 * 1024],
        badge_verifier::status::bitstring::Encoding::Multibase
    ));
    let mut f = MemoryFetcher::new();
    serve(&mut f, LIST, &iss.sign(list));
    let r = run(&listed(&iss, "urn:uuid:x", LIST, 1, "revocation"), &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(one(&r, "status")
        .detail
        .contains("decompresses to more than"));
}

#[test]
fn a_list_secured_as_a_vc_jwt() {
    let iss = Issuer::new(1);
    let list = bitstring_list(
        &iss.did,
        LIST,
        "revocation",
        &bits(16 * 1024, 1, &[(12, 1)]),
    );
    let token = iss.jwt(&list);
    let mut f = MemoryFetcher::new();
    f.insert(LIST, 200, "application/vc+jwt", token.clone());
    let revoked = listed(&iss, "urn:uuid:j", LIST, 12, "revocation");
    assert_verdict(&run(&revoked, &f), Verdict::Revoked);
    let active = listed(&iss, "urn:uuid:j", LIST, 13, "revocation");
    assert_verdict(&run(&active, &f), Verdict::Valid);
    // Signed by someone else than the key it names: not trusted.
    let forged = Issuer::new(4)
        .jwt(&list)
        .split('.')
        .nth(2)
        .unwrap()
        .to_string();
    let mut parts: Vec<&str> = token.split('.').collect();
    parts[2] = &forged;
    let mut f = MemoryFetcher::new();
    f.insert(LIST, 200, "application/vc+jwt", parts.join("."));
    let r = run(&active, &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(one(&r, "status").detail.contains("could not be trusted"));
}

// ---- 1EdTechRevocationList ----

const RL: &str = "https://issuer.example/revocations/1";

fn revocation_case(listed: &[Value]) -> (Value, MemoryFetcher) {
    let iss = Issuer::new(1);
    let mut f = MemoryFetcher::new();
    serve(
        &mut f,
        RL,
        &json!({"id": RL, "issuer": iss.did, "revokedCredential": listed}),
    );
    let mut cred = badge(
        &iss,
        "urn:uuid:rl-1",
        Some(json!({"id": RL, "type": "1EdTechRevocationList"})),
    );
    // 1EdTechRevocationList is defined by the OB 3.0 extensions context.
    cred["@context"].as_array_mut().unwrap().push(json!(
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
    ));
    (iss.sign(cred), f)
}

#[test]
fn revocation_list_revoked() {
    let (cred, f) =
        revocation_case(&[json!({"id": "urn:uuid:rl-1", "revocationReason": "issued in error"})]);
    let r = run(&cred, &f);
    assert_status_revoked(&r, "issued in error");
    assert_eq!(
        r.expert.status_lists,
        vec![format!("{RL} (1EdTechRevocationList)")]
    );
}

#[test]
fn revocation_list_not_revoked() {
    let (cred, f) = revocation_case(&[json!({"id": "urn:uuid:other"}), json!("urn:uuid:third")]);
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Valid);
    assert_check(one(&r, "status"), Outcome::Passed, None, "not revoked");
}

#[test]
fn revocation_list_unreachable_or_malformed() {
    let (cred, _) = revocation_case(&[]);
    let r = run(&cred, &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Unverifiable);
    let mut f = MemoryFetcher::new();
    f.insert(RL, 200, "application/json", r#"{"revokedAssertions":[]}"#);
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(one(&r, "status")
        .detail
        .contains("not a 1EdTech revocation list"));
}

// ---- The 1EdTech validator's fixtures ----

const TESTLIST_URL: &str = "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist";

fn onedtech_fetcher() -> MemoryFetcher {
    let mut f = MemoryFetcher::new();
    f.insert(
        "https://1edtech.edu/issuers/565049",
        200,
        "application/ld+json",
        fixture("ob3/issuers/1edtech.edu-issuers-565049.json"),
    );
    f.insert(
        TESTLIST_URL,
        200,
        "application/json",
        fixture("status/1edtech/testlist"),
    );
    f
}

#[test]
fn onedtech_bitstring_credential_status_revoked() {
    for file in [
        "status/1edtech/bitstring-credential-status-revoked.json",
        "status/1edtech/bitstring-credential-status-revoked-blank-nodes.json",
    ] {
        let r = run_bytes(fixture(file), &onedtech_fetcher());
        assert_status_revoked(&r, &format!("{TESTLIST_URL}#23"));
        assert_eq!(one(&r, "proof").outcome, Outcome::Passed, "{file}");
    }
}

#[test]
fn onedtech_bitstring_list_missing_is_unverifiable() {
    let mut f = onedtech_fetcher();
    f.insert(TESTLIST_URL, 404, "text/plain", "404: Not Found");
    let r = run_bytes(
        fixture("status/1edtech/bitstring-credential-status-revoked.json"),
        &f,
    );
    assert_verdict(&r, Verdict::Unverifiable);
}

#[test]
fn onedtech_credential_status_revoked() {
    // Its list (…/api/revocations/da1e…) and its did:web issuer are not in the fixtures: the
    // status and the proof cannot be checked, so it is unverifiable — never valid.
    let file = "status/1edtech/credential-status-revoked.json";
    let r = run_bytes(fixture(file), &MemoryFetcher::new());
    assert_status_unverifiable(&r, "could not be fetched");
    // The refreshService it carries is offered, not followed.
    assert_eq!(one(&r, "refresh").outcome, Outcome::Warning);
    // Served a revocation list that names it (what the 1EdTech validator's test server
    // answers), it is revoked: a definite "revoked" outranks the unverifiable proof.
    let id = "https://dc.1edtech.org/wellspring2022/wellspring-portal/credential/54418d3f-ec01-4652-800a-861c890a51a1";
    let list = "https://dc.1edtech.org/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c";
    let mut f = MemoryFetcher::new();
    serve(
        &mut f,
        list,
        &json!({"id": list, "revokedCredential": [{"id": id, "revocationReason": "test"}]}),
    );
    let r = run_bytes(fixture(file), &f);
    assert_status_revoked(&r, id);
}

/// A list's proof is verified once per list body: a batch reuses it, and a list whose body
/// changed under the same URL (here: tampered after a good run, in the same thread) is
/// verified again and refused, never served from the memory of the good one.
#[test]
fn a_verified_list_is_remembered_by_its_body_not_its_url() {
    let iss = Issuer::new(9);
    let good = iss.sign(bitstring_list(
        &iss.did,
        LIST2,
        "revocation",
        &bits(16 * 1024, 1, &[(3, 1)]),
    ));
    let cred = listed(&iss, "urn:uuid:remembered", LIST2, 4, "revocation");
    let mut f = MemoryFetcher::new();
    serve(&mut f, LIST2, &good);
    for _ in 0..2 {
        let r = run(&cred, &f);
        assert_verdict(&r, Verdict::Valid);
        // The expert view still lists what the list's proof needed, on every credential.
        assert!(r.expert.fetched.contains(&LIST2.to_string()));
    }
    let mut tampered = good.clone();
    tampered["credentialSubject"]["encodedList"] = bitstring_list(
        &iss.did,
        LIST2,
        "revocation",
        &bits(16 * 1024, 1, &[(4, 1)]),
    )["credentialSubject"]["encodedList"]
        .clone();
    let mut f = MemoryFetcher::new();
    serve(&mut f, LIST2, &tampered);
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(one(&r, "status").detail.contains("could not be trusted"));
}

/// Issue #16: a Verifiable Credential that is not an Open Badge is verified as a credential,
/// its status included: revoked by its issuer's list, and active when its bit is clear.
#[test]
fn a_plain_vc_is_revoked_by_its_status_list() {
    let iss = Issuer::new(1);
    let mut f = MemoryFetcher::new();
    serve_list(&mut f, &iss, LIST, "revocation", 1, &[(5, 1)]);
    let plain = |index: u64| {
        iss.sign(json!({
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
            "id": "urn:uuid:plain-status",
            "type": ["VerifiableCredential", "ExampleAlumniCredential"],
            "issuer": iss.did,
            "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:learner", "alumniOf": "Example University"},
            "credentialStatus": bitstring_entry(LIST, index, "revocation")
        }))
    };
    let r = run(&plain(5), &f);
    assert_eq!(r.format, Some(badge_verifier::Format::VcDataIntegrity));
    assert_status_revoked(&r, &format!("{LIST}#5"));
    let r = run(&plain(6), &f);
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(one(&r, "status").outcome, Outcome::Passed);
}
