//! Getting and checking the documents an OB 2.0 assertion links to: the hosted assertion, the
//! BadgeClass, the issuer Profile, keys and revocation lists (spec `ob_v2p0/index.md`, "Data
//! Validation": every linked Badge Object must be available with an eventual 200 OK, be JSON,
//! and carry its class's required properties with values of the right type).

use crate::check::{Check, CheckId};
use crate::detail;
use crate::detail::{cause, code, count, text, url as link, Detail};
use crate::model::json::{each, id_of, str_of, strings};
use crate::resolve::fetch::{check_fetchable, FetchPurpose, Fetcher};
use crate::resolve::weburl::WebUrl;
use crate::strict_json;
use crate::verify::Verification;
use serde_json::Value;

/// A JSON document fetched from `requested` (the URL the badge names), answered at `final_url`.
#[derive(Debug, Clone)]
pub struct Doc {
    pub value: Value,
    pub requested: String,
    pub final_url: String,
}

/// Why a linked document could not be used.
#[derive(Debug, Clone)]
pub enum DocError {
    /// Not fetched at all (scheme, network, size, budget …).
    Fetch(Detail),
    /// HTTP 410 Gone, with the body if it was JSON (a revoked hosted assertion may say why).
    Gone(Option<Value>),
    /// Another non-2xx status.
    Status(u16),
    /// The body is not a JSON object.
    NotJson(Detail),
}

impl DocError {
    pub fn detail(&self) -> Detail {
        match self {
            DocError::Fetch(m) => detail!("fetching failed ({why})", why = cause(m.clone())),
            DocError::Gone(_) => detail!("it answered HTTP 410 Gone"),
            DocError::Status(s) => detail!("it answered HTTP {status}", status = count(*s)),
            DocError::NotJson(m) => {
                detail!("it is not a JSON object ({why})", why = cause(m.clone()))
            }
        }
    }
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

/// Whether a string is an http(s) URL.
pub fn is_http_url(s: &str) -> bool {
    WebUrl::parse(s).is_ok_and(|u| u.is_http())
}

pub use crate::resolve::weburl::http_authority as authority;

/// Fetches a JSON document through [`Verification::fetch`]. Many OB 2.0 documents name their
/// links with plain `http://` IRIs, which this verifier never fetches (browsers block mixed
/// content, and plain http can be altered on the way): such a URL is fetched over https
/// instead, with a warning, and the document must still declare the `http://` id it was linked by.
pub async fn fetch_json<F: Fetcher>(
    v: &mut Verification<'_, F>,
    url: &str,
    purpose: FetchPurpose,
) -> Result<Doc, DocError> {
    let url = url.trim();
    let mut target = url.to_string();
    if check_fetchable(url, v.opts.allow_http).is_err() {
        if let Some(rest) = url
            .strip_prefix("http://")
            .or_else(|| url.strip_prefix("HTTP://"))
        {
            target = format!("https://{rest}");
            v.add(Check::warning(
                CheckId::InsecureUrl,
                detail!(
                    "{url} is plain http; fetched {target} instead (plain http is never fetched)",
                    url = link(url),
                    target = link(target.clone())
                ),
            ));
        }
    }
    let resp = v
        .fetch(&target, purpose)
        .await
        .map_err(|e| DocError::Fetch(e.to_string().into()))?;
    let parse = |body: &[u8]| -> Result<Value, Detail> {
        let text = std::str::from_utf8(body).map_err(|_| detail!("not UTF-8 text"))?;
        let value = strict_json::from_str(
            text.trim_start_matches('\u{feff}'),
            v.opts.limits.max_json_depth,
        )
        .map_err(|e| -> Detail { e.describe("the document").into() })?;
        if value.is_object() {
            Ok(value)
        } else {
            Err(detail!("not an object"))
        }
    };
    if resp.status == 410 {
        return Err(DocError::Gone(parse(&resp.body).ok()));
    }
    if !resp.is_success() {
        return Err(DocError::Status(resp.status));
    }
    let value = parse(&resp.body).map_err(DocError::NotJson)?;
    // Redirects are reported against the URL actually requested (after an https upgrade).
    let final_url = if resp.final_url == target {
        url.to_string()
    } else {
        resp.final_url
    };
    Ok(Doc {
        value,
        requested: url.to_string(),
        final_url,
    })
}

/// A linked Badge Object (BadgeClass, Profile, CryptographicKey), embedded or fetched.
#[derive(Debug, Clone)]
pub struct Linked {
    pub value: Value,
    /// The URL it was fetched from, when it was not embedded.
    pub url: Option<String>,
}

/// Resolves a property that is an IRI or an embedded document. Adds a check under `check_id`
/// for any failure (`None` returned) and a warning when the fetched document declares another
/// `id` than the URL it was linked by.
pub async fn resolve<F: Fetcher>(
    v: &mut Verification<'_, F>,
    prop: Option<&Value>,
    check_id: CheckId,
    what: What,
    purpose: FetchPurpose,
) -> Option<Linked> {
    match prop {
        Some(obj @ Value::Object(_)) => Some(Linked {
            value: obj.clone(),
            url: None,
        }),
        Some(Value::String(iri)) if is_http_url(iri) => match fetch_json(v, iri, purpose).await {
            Ok(doc) => {
                if doc.final_url != doc.requested {
                    v.add(Check::warning(
                        check_id,
                        detail!(
                            "the {what} at {url} redirected to {to}",
                            what = what.arg(),
                            url = link(doc.requested.clone()),
                            to = link(doc.final_url.clone())
                        ),
                    ));
                }
                match str_of(&doc.value, "id") {
                    Some(id) if id.trim() == doc.requested || id.trim() == doc.final_url => {}
                    Some(id) => v.add(Check::warning(
                        check_id,
                        detail!(
                            "the {what} fetched from {url} declares a different `id`, {id}",
                            what = what.arg(),
                            url = link(doc.requested.clone()),
                            id = code(id)
                        ),
                    )),
                    None => v.add(Check::warning(
                        check_id,
                        detail!(
                            "the {what} at {url} declares no `id`",
                            what = what.arg(),
                            url = link(doc.requested.clone())
                        ),
                    )),
                }
                Some(Linked {
                    value: doc.value,
                    url: Some(doc.requested),
                })
            }
            Err(e) => {
                v.add(Check::unverifiable(
                    check_id,
                    detail!(
                        "the {what} {url} could not be used: {why}",
                        what = what.arg(),
                        url = link(iri.as_str()),
                        why = cause(e.detail())
                    ),
                ));
                None
            }
        },
        Some(Value::String(iri)) => {
            v.add(Check::unverifiable(
                check_id,
                detail!(
                    "the {what} {iri} is neither embedded nor an http(s) URL, so it cannot be retrieved",
                    what = what.arg(),
                    iri = code(iri.as_str())
                ),
            ));
            None
        }
        Some(_) => {
            v.add(Check::failed(
                check_id,
                crate::report::Verdict::Invalid,
                detail!(
                    "the {what} must be an IRI or an embedded document",
                    what = what.arg()
                ),
            ));
            None
        }
        None => {
            v.add(Check::failed(
                check_id,
                crate::report::Verdict::Invalid,
                detail!("no {what}", what = what.arg()),
            ));
            None
        }
    }
}

/// Whether the JSON-LD `type` names `name`, in short form or as the full `obi:` IRI.
pub fn is_type(doc: &Value, names: &[&str]) -> bool {
    strings(doc.get("type")).iter().any(|t| {
        let short = t
            .strip_prefix("https://w3id.org/openbadges#")
            .or_else(|| t.strip_prefix("obi:"))
            .or_else(|| t.strip_prefix("sec:"))
            .unwrap_or(t);
        names.contains(&short)
    })
}

/// Which linked document a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    BadgeClass,
    IssuerProfile,
    /// An OB 1.x issuer organization.
    IssuerOrganization,
}

impl What {
    fn arg(self) -> crate::detail::Arg {
        cause(match self {
            What::BadgeClass => detail!("`BadgeClass`"),
            What::IssuerProfile => detail!("issuer Profile"),
            What::IssuerOrganization => detail!("issuer organization"),
        })
    }
}

/// Problems with the properties every document needs: present, and of the expected JSON type.
pub struct Props<'a> {
    doc: &'a Value,
    /// The property holding `doc` ("recipient"), named before each of its own.
    of: Option<&'static str>,
    pub problems: Vec<Detail>,
}

impl<'a> Props<'a> {
    pub fn new(doc: &'a Value) -> Self {
        Props {
            doc,
            of: None,
            problems: Vec::new(),
        }
    }

    /// The properties of `doc`, the value of the property `of`.
    pub fn of(doc: &'a Value, of: &'static str) -> Self {
        Props {
            doc,
            of: Some(of),
            problems: Vec::new(),
        }
    }

    fn key(&self, key: &str) -> crate::detail::Arg {
        match self.of {
            Some(of) => code(format!("{of} {key}")),
            None => code(key),
        }
    }

    /// A required Text property.
    pub fn text(&mut self, key: &str) -> &mut Self {
        let k = self.key(key);
        match self.doc.get(key) {
            None | Some(Value::Null) => self.problems.push(detail!("{key} is missing", key = k)),
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.problems.push(detail!("{key} is empty", key = k))
            }
            Some(Value::String(_)) => {}
            Some(_) => self.problems.push(detail!("{key} must be text", key = k)),
        }
        self
    }

    /// An optional Text property.
    pub fn opt_text(&mut self, key: &str) -> &mut Self {
        if let Some(v) = self.doc.get(key).filter(|v| !v.is_null()) {
            if !v.is_string() {
                let k = self.key(key);
                self.problems.push(detail!("{key} must be text", key = k));
            }
        }
        self
    }

    /// A required IRI (an absolute IRI with a scheme).
    pub fn iri(&mut self, key: &str) -> &mut Self {
        let k = self.key(key);
        match self.doc.get(key).and_then(Value::as_str) {
            None => self
                .problems
                .push(detail!("{key} is missing or not text", key = k)),
            Some(s) if !is_iri(s) => self.problems.push(detail!(
                "{key} \"{value}\" is not an IRI",
                key = k,
                value = text(s)
            )),
            Some(_) => {}
        }
        self
    }

    /// A required `@id` property: an IRI or an embedded document (with an `id` IRI if given).
    pub fn node(&mut self, key: &str) -> &mut Self {
        let k = self.key(key);
        match self.doc.get(key) {
            None | Some(Value::Null) => self.problems.push(detail!("{key} is missing", key = k)),
            Some(Value::String(s)) if !is_iri(s) => self.problems.push(detail!(
                "{key} \"{value}\" is not an IRI",
                key = k,
                value = text(s.as_str())
            )),
            Some(Value::String(_)) | Some(Value::Object(_)) => {}
            Some(_) => self.problems.push(detail!(
                "{key} must be an IRI or an embedded document",
                key = k
            )),
        }
        self
    }

    /// A required `type`.
    pub fn has_type(&mut self) -> &mut Self {
        if strings(self.doc.get("type")).is_empty() {
            let k = self.key("type");
            self.problems.push(detail!("{key} is missing", key = k));
        }
        self
    }
}

/// An absolute IRI: a scheme, a colon, something after it (JSON-LD compact IRIs are not
/// expanded here; they are rare in ids).
pub fn is_iri(s: &str) -> bool {
    let s = s.trim();
    match s.split_once(':') {
        Some((scheme, rest)) => {
            !rest.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// BadgeClass required properties (spec "BadgeClass": id, type, name, description, image,
/// criteria, issuer).
pub fn badgeclass_problems(bc: &Value) -> Vec<Detail> {
    let mut p = Props::new(bc);
    p.iri("id")
        .has_type()
        .text("name")
        .text("description")
        .node("image")
        .node("criteria")
        .node("issuer");
    let mut problems = p.problems;
    if !strings(bc.get("type")).is_empty() && !is_type(bc, &["BadgeClass"]) {
        problems.push(detail!(
            "`type` is {types}, not `BadgeClass`",
            types = code(format!("{:?}", strings(bc.get("type"))))
        ));
    }
    for a in each(bc.get("alignment")) {
        if !a.is_object() || str_of(a, "targetName").is_none() || str_of(a, "targetUrl").is_none() {
            problems.push(detail!(
                "an `alignment` lacks `targetName` or `targetUrl`"
            ));
        }
    }
    problems
}

/// Issuer Profile required properties (spec "Profile": "When used as a badge issuer, the
/// following properties are required: id, type, name, url, email").
pub fn issuer_problems(issuer: &Value) -> Vec<Detail> {
    let mut p = Props::new(issuer);
    p.iri("id").has_type().text("name").iri("url").text("email");
    let mut problems = p.problems;
    if !strings(issuer.get("type")).is_empty() && !is_type(issuer, &["Issuer", "Profile"]) {
        problems.push(detail!(
            "`type` is {types}, not `Issuer` or `Profile`",
            types = code(format!("{:?}", strings(issuer.get("type"))))
        ));
    }
    problems
}

/// The ids a property lists (`publicKey`: IRIs or embedded keys).
pub fn ids(v: Option<&Value>) -> Vec<String> {
    each(v)
        .into_iter()
        .filter_map(|x| id_of(Some(x)))
        .map(|s| s.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn authorities_and_iris() {
        assert_eq!(
            authority("https://Example.org/a").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            authority("http://example.org:8080/a").as_deref(),
            Some("example.org:8080")
        );
        assert_eq!(authority("urn:uuid:1"), None);
        assert!(is_iri("urn:uuid:2d391246-6e0d-4dab-906c-b29770bd7aa6"));
        assert!(is_iri("https://e.org/x"));
        assert!(!is_iri("not an iri"));
        assert!(!is_iri("beths-robotics-badge.json"));
    }

    #[test]
    fn types_short_and_expanded() {
        assert!(is_type(&json!({"type": "Assertion"}), &["Assertion"]));
        assert!(is_type(
            &json!({"type": ["https://w3id.org/openbadges#Assertion"]}),
            &["Assertion"]
        ));
        assert!(!is_type(&json!({"type": "OtherAssertion"}), &["Assertion"]));
    }

    #[test]
    fn badgeclass_and_issuer_required_properties() {
        let bc = json!({"id":"https://e.org/b","type":"BadgeClass","name":"N","description":"D",
            "image":"https://e.org/i.png","criteria":{"narrative":"do it"},"issuer":"https://e.org/i"});
        assert!(badgeclass_problems(&bc).is_empty());
        let bad = json!({"id":"https://e.org/b","type":"BadgeClass","name":3});
        let p = badgeclass_problems(&bad);
        assert!(p.iter().any(|s| s.contains("name must be text")));
        assert!(p.iter().any(|s| s.contains("issuer is missing")));
        let issuer = json!({"id":"https://e.org/i","type":"Issuer","name":"I","url":"https://e.org","email":"a@e.org"});
        assert!(issuer_problems(&issuer).is_empty());
        assert!(!issuer_problems(&json!({"id":"https://e.org/i","type":"Criteria"})).is_empty());
    }
}
