//! OB 3.0 `credentialStatus` (verification.md step 4): every entry is checked and reported.
//!
//! - `1EdTechRevocationList` ([`crate::status::revocation_list`]).
//! - `BitstringStatusListEntry` (W3C Bitstring Status List v1.0 §3.2 "Validate Algorithm") and
//!   its VC 1.1 predecessor `StatusList2021Entry`: the list credential is fetched, its own proof
//!   verified with the same engine, its validity window and `statusPurpose` checked, then the
//!   entry's bits read ([`crate::status::ob3`], [`crate::status::bitstring`]).
//!
//! Failing open is the danger here: a list that cannot be fetched, verified or read, an expired
//! list, an index beyond the list or an unknown status type make the badge `unverifiable`,
//! never `valid`. Revoked and suspended are told apart and say which list said so.

use crate::detail::{cause, code, count, text, Detail};
use crate::detail;
use crate::check::{Check, CheckId, Verdict};
use crate::memo::Memo;
use crate::model::credential::{first_string, CredentialDate};
use crate::model::json::{each, has_type, id_of, str_of, strings};
use crate::model::{self, BadgeDoc};
use crate::resolve::fetch::{FetchPurpose, Fetcher};
use crate::status::bitstring;
use crate::status::ob3::{decoded_list, index_of, message_for, size_of, Flavour};
use crate::status::revocation_list::{self, Lookup};
use crate::verify::Verification;
use crate::verify::validity::window_checks;
use serde_json::Value;
use std::rc::Rc;

const ID: CheckId = CheckId::Status;

/// Most status entries checked on one credential.
const MAX_ENTRIES: usize = 8;

/// Checks every `credentialStatus` entry of `credential`, whose issuer is `issuer`.
pub(crate) async fn check<F: Fetcher>(
    v: &mut Verification<'_, F>,
    credential: &Value,
    issuer: Option<&str>,
) {
    let mut entries = each(credential.get("credentialStatus"));
    if entries.is_empty() {
        v.add(Check::not_applicable(ID, detail!("no `credentialStatus`")));
        return;
    }
    if entries.len() > MAX_ENTRIES {
        v.add(Check::unverifiable(
            ID,
            detail!(
                "{n} `credentialStatus` entries; only the first {max} are checked",
                n = count(entries.len()),
                max = count(MAX_ENTRIES)
            ),
        ));
        entries.truncate(MAX_ENTRIES);
    }
    let n = entries.len();
    for (i, entry) in entries.into_iter().enumerate() {
        let mut check = one(v, credential, entry, issuer).await;
        if n > 1 {
            let why = std::mem::replace(&mut check.detail, Detail::Text(String::new()));
            check.detail = detail!(
                "status {i} of {n}: {why}",
                i = count(i + 1),
                n = count(n),
                why = cause(why),
            );
        }
        v.add(check);
    }
}

async fn one<F: Fetcher>(
    v: &mut Verification<'_, F>,
    credential: &Value,
    entry: &Value,
    issuer: Option<&str>,
) -> Check {
    if !entry.is_object() {
        return Check::unverifiable(ID, detail!("a `credentialStatus` entry is not an object"));
    }
    let types = strings(entry.get("type"));
    if types.iter().any(|t| t == "1EdTechRevocationList") {
        return revocation_list(v, credential, entry, issuer).await;
    }
    for flavour in [Flavour::Bitstring, Flavour::StatusList2021] {
        if types.iter().any(|t| t == flavour.entry_type()) {
            return list_entry(v, entry, flavour, issuer).await;
        }
    }
    Check::unverifiable(
        ID,
        if types.is_empty() {
            detail!("not checked: the status entry has no `type`, so revocation is unknown")
        } else {
            detail!(
                "not checked: status type {types} is not supported, so revocation is unknown",
                types = code(types.join(", "))
            )
        },
    )
}

/// Which status document: for the words about it.
#[derive(Clone, Copy)]
enum Doc {
    RevocationList,
    StatusList,
}

/// "the status list <url>" …
fn doc_at(what: Doc, at: &str) -> Detail {
    match what {
        Doc::RevocationList => detail!("the revocation list {url}", url = detail::url(at)),
        Doc::StatusList => detail!("the status list {url}", url = detail::url(at)),
    }
}

/// Fetches a status document; `Err` is the finished check.
async fn fetch_json<F: Fetcher>(
    v: &mut Verification<'_, F>,
    url: &str,
    what: Doc,
) -> Result<Document, Check> {
    let body = fetch_body(v, url, what).await?;
    parse_document(&body, url, what)
}

async fn fetch_body<F: Fetcher>(
    v: &mut Verification<'_, F>,
    url: &str,
    what: Doc,
) -> Result<Vec<u8>, Check> {
    let resp = v.fetch(url, FetchPurpose::StatusList).await.map_err(|e| {
        Check::unverifiable(
            ID,
            detail!(
                "{doc} could not be fetched: {why}",
                doc = cause(doc_at(what, url)),
                why = cause(e.to_string())
            ),
        )
    })?;
    if !resp.is_success() {
        return Err(Check::unverifiable(
            ID,
            detail!(
                "{doc} answered HTTP {status}",
                doc = cause(doc_at(what, url)),
                status = count(resp.status)
            ),
        ));
    }
    Ok(resp.body)
}

fn parse_document(body: &[u8], url: &str, what: Doc) -> Result<Document, Check> {
    match crate::strict_json::from_slice(body, crate::limits::MAX_JSON_DEPTH) {
        Ok(json) => return Ok(Document::Json(json)),
        Err(e) if e.is_duplicate_key() => {
            return Err(Check::unverifiable(
                ID,
                crate::jose::jws::json_refusal(&e, doc_at(what, url)),
            ))
        }
        Err(_) => {}
    }
    // A list credential may also be secured as a VC-JWT (Bitstring Status List §2.2 allows any
    // securing mechanism).
    let text = String::from_utf8_lossy(body).trim().to_string();
    if text.split('.').count() == 3 && !text.contains(char::is_whitespace) {
        return Ok(Document::Jwt(text));
    }
    Err(Check::unverifiable(
        ID,
        detail!(
            "{doc} is neither JSON nor a JWT",
            doc = cause(doc_at(what, url))
        ),
    ))
}

enum Document {
    Json(Value),
    Jwt(String),
}

async fn revocation_list<F: Fetcher>(
    v: &mut Verification<'_, F>,
    credential: &Value,
    entry: &Value,
    issuer: Option<&str>,
) -> Check {
    let Some(url) = str_of(entry, "id") else {
        return Check::unverifiable(
            ID,
            detail!("the `1EdTechRevocationList` status has no `id` (the list's URL)"),
        );
    };
    v.expert
        .status_lists
        .push(format!("{url} (1EdTechRevocationList)"));
    let Some(cred_id) = str_of(credential, "id") else {
        return Check::unverifiable(
            ID,
            detail!("the credential has no `id` to look up in its `1EdTechRevocationList`"),
        );
    };
    let list = match fetch_json(v, url, Doc::RevocationList).await {
        Ok(Document::Json(j)) => j,
        Ok(Document::Jwt(_)) => {
            return Check::unverifiable(
                ID,
                detail!(
                    "the revocation list {url} is a JWT, not a JSON revocation list",
                    url = detail::url(url)
                ),
            )
        }
        Err(c) => return c,
    };
    // The list is fetched from the URL the issuer signed into the credential; one that names
    // another issuer is not the issuer's statement about this badge.
    if let (Some(li), Some(ci)) = (id_of(list.get("issuer")), issuer) {
        if li != ci {
            return Check::unverifiable(
                ID,
                detail!(
                    "the revocation list {url} is issued by {list_issuer}, not by the credential's issuer {issuer}: it is not evidence of this badge's status",
                    url = detail::url(url),
                    list_issuer = code(li),
                    issuer = code(ci)
                ),
            );
        }
    }
    match revocation_list::lookup(&list, cred_id) {
        Ok(Lookup::Revoked(reason)) => Check::failed(
            ID,
            Verdict::Revoked,
            match reason {
                Some(r) => detail!(
                    "revoked: the issuer's revocation list {url} lists {id} (reason: \"{reason}\")",
                    url = detail::url(url),
                    id = code(cred_id),
                    reason = text(r)
                ),
                None => detail!(
                    "revoked: the issuer's revocation list {url} lists {id}",
                    url = detail::url(url),
                    id = code(cred_id)
                ),
            },
        ),
        Ok(Lookup::NotRevoked) => Check::passed(
            ID,
            detail!(
                "not revoked: {id} is not on the revocation list {url}",
                id = code(cred_id),
                url = detail::url(url)
            ),
        ),
        Err(e) => Check::unverifiable(
            ID,
            detail!("{url}: {why}", url = detail::url(url), why = cause(e)),
        ),
    }
}

async fn list_entry<F: Fetcher>(
    v: &mut Verification<'_, F>,
    entry: &Value,
    flavour: Flavour,
    issuer: Option<&str>,
) -> Check {
    let kind = flavour.entry_type();
    let Some(purpose) = str_of(entry, "statusPurpose") else {
        return Check::unverifiable(
            ID,
            detail!("the {kind} has no `statusPurpose`", kind = code(kind)),
        );
    };
    let index = match index_of(entry) {
        Ok(i) => i,
        Err(e) => {
            return Check::unverifiable(
                ID,
                detail!("{kind}: {why}", kind = code(kind), why = cause(e)),
            )
        }
    };
    let size = match flavour {
        Flavour::Bitstring => match size_of(entry) {
            Ok(s) => s,
            Err(e) => {
                return Check::unverifiable(
                    ID,
                    detail!("{kind}: {why}", kind = code(kind), why = cause(e)),
                )
            }
        },
        Flavour::StatusList2021 => 1,
    };
    let Some(url) = str_of(entry, "statusListCredential") else {
        return Check::unverifiable(
            ID,
            detail!("the {kind} has no `statusListCredential`", kind = code(kind)),
        );
    };
    let at = format!("{url}#{index}");
    v.expert.status_lists.push(format!("{at} ({purpose})"));

    let list = match verified_list(v, url, flavour, issuer).await {
        Ok(l) => l,
        Err(c) => return c,
    };
    let subject = match list.list.get("credentialSubject") {
        Some(Value::Array(a)) => a.first(),
        other => other,
    };
    let Some(subject) = subject.filter(|s| s.is_object()) else {
        return Check::unverifiable(
            ID,
            detail!("the status list {url} has no `credentialSubject`", url = detail::url(url)),
        );
    };
    // §3.2 step 6: the list's purpose must be the entry's (STATUS_VERIFICATION_ERROR).
    let purposes = strings(subject.get("statusPurpose"));
    if !purposes.iter().any(|p| p == purpose) {
        return Check::unverifiable(
            ID,
            detail!(
                "the status list {url} is for \"{purposes}\", not for \"{purpose}\" as the credential says",
                url = detail::url(url),
                purposes = code(purposes.join(", ")),
                purpose = code(purpose)
            ),
        );
    }
    let Some(encoded) = str_of(subject, "encodedList") else {
        return Check::unverifiable(
            ID,
            detail!("the status list {url} has no `encodedList`", url = detail::url(url)),
        );
    };
    // Decoded once per verified list (a 16 KB list is inflated once, not per credential).
    let bits_key = (list.digest, flavour.encoding());
    let bits = match decoded_list(bits_key, encoded).await {
        Ok(bits) => bits,
        Err(e) => {
            return Check::unverifiable(
                ID,
                detail!("the status list {url}: {why}", url = detail::url(url), why = cause(e)),
            )
        }
    };
    let Some(value) = bitstring::read(&bits, index, size) else {
        return Check::unverifiable(
            ID,
            detail!(
                "`statusListIndex` {index} is beyond the status list {url}, which has {entries} entries",
                index = count(index),
                url = detail::url(url),
                entries = count(bitstring::entries(&bits, size))
            ),
        );
    };
    let message = message_for(entry, value);
    // The list's own words for the value, after the sentence (`statusMessage`).
    let with_message = |d: Detail| match &message {
        Some(m) => detail!(
            "{sentence} (\"{message}\")",
            sentence = cause(d),
            message = text(m.as_str())
        ),
        None => d,
    };
    let entry_at = code(at.as_str());
    match (purpose, value) {
        ("revocation", 0) => Check::passed(
            ID,
            detail!("not revoked: entry {entry} is 0", entry = entry_at),
        ),
        ("revocation", _) => Check::failed(
            ID,
            Verdict::Revoked,
            with_message(detail!(
                "revoked: the issuer's status list marks entry {entry}",
                entry = entry_at
            )),
        ),
        ("suspension", 0) => Check::passed(
            ID,
            detail!("not suspended: entry {entry} is 0", entry = entry_at),
        ),
        ("suspension", _) => Check::failed(
            ID,
            Verdict::Suspended,
            with_message(detail!(
                "suspended: the issuer's status list marks entry {entry}",
                entry = entry_at
            )),
        ),
        ("refresh", 0) => Check::passed(
            ID,
            detail!("no refresh announced: entry {entry} is 0", entry = entry_at),
        ),
        ("refresh", _) => Check::warning(
            ID,
            with_message(detail!(
                "the issuer announces a refreshed credential (refresh entry {entry} is set)",
                entry = entry_at
            )),
        ),
        (p, value) => Check::warning(
            ID,
            with_message(detail!(
                "status \"{purpose}\" at {entry}: {value}",
                purpose = code(p),
                entry = entry_at,
                value = code(format!("0x{value:x}"))
            )),
        ),
    }
}

/// Fetches a status list credential and verifies it: proof, type, validity window, issuer.
/// `Err` is the finished check.
async fn verified_list<F: Fetcher>(
    v: &mut Verification<'_, F>,
    url: &str,
    flavour: Flavour,
    issuer: Option<&str>,
) -> Result<Rc<ProvenList>, Check> {
    let body = fetch_body(v, url, Doc::StatusList).await?;
    let digest: [u8; 32] = {
        use sha2::Digest;
        sha2::Sha256::digest(&body).into()
    };
    let key = ListKey {
        url: url.to_owned(),
        digest,
        options: v.opts.clone(),
    };
    let proven = match VERIFIED_LISTS.with(|c| c.get(&key)) {
        Some(hit) => hit,
        None => {
            let doc = parse_document(&body, url, Doc::StatusList)?;
            let body_len = body.len();
            drop(body);
            let proven = Rc::new(prove_list(v, url, doc, digest).await?);
            let size = proven_list_size(body_len, &proven);
            VERIFIED_LISTS.with(|c| c.insert_sized(key, proven.clone(), size));
            proven
        }
    };
    v.expert.fetched.extend(proven.fetched.iter().cloned());
    if let Some((verdict, why)) = &proven.refused {
        return Err(Check::unverifiable(
            ID,
            detail!(
                "the status list {url} could not be trusted: its proof is {verdict}: {why}",
                url = detail::url(url),
                verdict = cause(super::verdict_word(*verdict)),
                why = cause(why.clone())
            ),
        ));
    }
    let list = &proven.list;
    if !has_type(list, flavour.list_type()) {
        return Err(Check::unverifiable(
            ID,
            detail!(
                "the status list {url} is not a {expected} (type [{types}])",
                url = detail::url(url),
                expected = code(flavour.list_type()),
                types = code(strings(list.get("type")).join(", "))
            ),
        ));
    }
    // The list's own validity window (Bitstring Status List §3.2 step 5: an expired or
    // not-yet-valid list cannot be used).
    let (from, from_name) = first_string(list, CredentialDate::ValidFrom.names()).unzip();
    let (until, until_name) = first_string(list, CredentialDate::ValidUntil.names()).unzip();
    for c in window_checks(
        v.opts.at,
        from,
        from_name.unwrap_or("validFrom"),
        until,
        until_name.unwrap_or("validUntil"),
    ) {
        if c.effect.is_some() {
            return Err(Check::unverifiable(
                ID,
                detail!(
                    "the status list {url} cannot be used: {why}",
                    url = detail::url(url),
                    why = cause(c.detail)
                ),
            ));
        }
    }
    // A list is evidence of this credential's status only when the credential's own issuer
    // signed it: its proof verified with a key bound to the list's issuer (prove_list), and that
    // issuer is the credential's. A list signed by anyone else says nothing about this badge.
    match (proven.signer.as_deref(), issuer) {
        (Some(signer), Some(ci)) if signer == ci => {}
        (signer, ci) => {
            return Err(Check::unverifiable(
                ID,
                match (signer, ci) {
                    (Some(signer), Some(ci)) => detail!(
                        "the status list {url} is signed by {signer}, not by the credential's issuer {issuer}: it is not evidence of this badge's status",
                        url = detail::url(url),
                        signer = code(signer),
                        issuer = code(ci)
                    ),
                    (Some(signer), None) => detail!(
                        "the status list {url} is signed by {signer}, and the credential names no issuer: it is not evidence of this badge's status",
                        url = detail::url(url),
                        signer = code(signer)
                    ),
                    (None, _) => detail!(
                        "the status list {url} is not signed by a key bound to its issuer: it is not evidence of this badge's status",
                        url = detail::url(url)
                    ),
                },
            ))
        }
    }
    Ok(proven)
}

/// A status list credential whose proof was checked, remembered by URL, body digest and options:
/// a batch of credentials pointing at one list verifies its proof once, not once per credential
/// (the body itself is cached by the fetcher). Per thread, like the fetcher's users.
struct ProvenList {
    list: Value,
    /// URLs fetched while verifying the list's proof (for the expert view of each credential).
    fetched: Vec<String>,
    /// The proof's verdict and its reason when it is not valid.
    refused: Option<(Verdict, Detail)>,
    /// The issuer whose bound key signed the list, when its proof verified.
    signer: Option<String>,
    /// SHA-256 of the list's body: the key of its decoded bits ([`decoded_list`]).
    digest: [u8; 32],
}

/// About how much memory a remembered list takes: its parsed JSON (about the size of its
/// text, which is mostly the `encodedList` string, plus the maps' overhead: counted twice) and
/// the URLs and reason kept with it.
fn proven_list_size(body_len: usize, proven: &ProvenList) -> usize {
    2 * body_len
        + proven.fetched.iter().map(|u| u.len() + 24).sum::<usize>()
        + proven.refused.as_ref().map_or(0, |(_, why)| why.to_string().len())
        + proven.signer.as_ref().map_or(0, String::len)
        + 256
}

#[derive(PartialEq, Eq, Hash)]
struct ListKey {
    url: String,
    digest: [u8; 32],
    options: crate::verify::Options,
}

/// Bytes of verified lists one thread remembers (by [`proven_list_size`]): hundreds of
/// ordinary lists (a 131,072-entry list is about 20 KB), never more than a few large ones. A
/// list too large for it is verified again each time, which only a hostile issuer causes.
const VERIFIED_LISTS_MAX_BYTES: usize = 8 * 1024 * 1024;

thread_local! {
    static VERIFIED_LISTS: Memo<ListKey, Rc<ProvenList>> =
        Memo::with_max_bytes(VERIFIED_LISTS_MAX_BYTES);
}

/// Verifies a status list credential's proof (Data Integrity or VC-JWT) in a sub-verification.
async fn prove_list<F: Fetcher>(
    v: &mut Verification<'_, F>,
    url: &str,
    doc: Document,
    digest: [u8; 32],
) -> Result<ProvenList, Check> {
    let mut sub = v.sub();
    let list = match doc {
        Document::Json(list) => {
            if !list.is_object() {
                return Err(Check::unverifiable(
                    ID,
                    detail!("the status list {url} is not a JSON object", url = detail::url(url)),
                ));
            }
            let list_issuer = id_of(list.get("issuer")).map(String::from);
            crate::verify::ob3::embedded::verify_proofs(&mut sub, &list, list_issuer.as_deref())
                .await;
            list
        }
        Document::Jwt(compact) => match model::classify_jws(&compact) {
            Ok(BadgeDoc::Ob3Jwt {
                jws, credential, ..
            }) => {
                let list_issuer = id_of(credential.json.get("issuer")).map(String::from);
                crate::verify::ob3::jwt::verify_signature(&mut sub, &jws, list_issuer.as_deref())
                    .await;
                credential.json
            }
            Ok(_) | Err(_) => {
                return Err(Check::unverifiable(
                    ID,
                    detail!("the status list {url} is a JWT but not a credential", url = detail::url(url)),
                ))
            }
        },
    };
    let verdict = sub.verdict();
    let refused = (verdict != Verdict::Valid).then(|| {
        let why = sub
            .checks
            .iter()
            .find(|c| c.effect == Some(verdict))
            .map(|c| c.detail.clone())
            .unwrap_or(Detail::Text(String::new()));
        (verdict, why)
    });
    Ok(ProvenList {
        list,
        fetched: std::mem::take(&mut sub.expert.fetched),
        refused,
        signer: sub.issued().map(|i| i.issuer().to_string()),
        digest,
    })
}
