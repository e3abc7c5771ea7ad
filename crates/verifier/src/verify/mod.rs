//! Step 4: runs every check for one input and builds its [`Report`].
//!
//! [`verify`] is the one entry point used by the app, the CLI and the tests. It extracts the
//! payload, fetches a hosted document if the payload is a URL, classifies it, and hands it to the
//! OB 2.0 (`ob2`) or OB 3.0 (`ob3`) verifier, or to the CLR 2.0 (`clr`) or presentation
//! (`presentation`) verifier, which verify each credential inside as a nested report
//! (`nested`, `verify_nested`). Those add [`Check`]s to a `Verification`; the verdict is
//! derived from the checks alone.

mod clr;
pub(crate) mod failure;
mod links;
mod nested;
#[cfg(feature = "html-pages")]
mod page;
mod pdf;
mod presentation;
// QR codes in a photo or scan (issue #17).
mod qr;
test_visible!(ob2, ob3);
pub mod validity;
pub mod warm_up;

use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, code, count, text, url as link};
use crate::extract::{self, Payload};
use crate::limits::{Budget, Limits};
use crate::model::{self, BadgeDoc};
use crate::recipient::{self, Uncomparable};
use crate::report::{BadgeDisplay, Expert, FoundAt, LinkResolution, Report};
use crate::resolve::fetch::{FetchError, FetchPolicy, FetchPurpose, Fetcher, Response};
use crate::trust::Issued;
use chrono::{DateTime, Utc};
use std::rc::Rc;

/// How to verify: the moment to evaluate validity at, the identity to match, and limits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Options {
    /// Expiry and validity windows are evaluated at this time (the CLI's `--at`, else now).
    pub at: DateTime<Utc>,
    /// The identity (e-mail, URL, DID …) to match against the badge's recipient.
    pub recipient: Option<String>,
    /// Testing only: permit plain http to 127.0.0.1 / localhost.
    pub allow_http: bool,
    /// Testing only, with `allow_http`: an origin (`http://127.0.0.1:8123`) that stands in for
    /// the badge platforms' own (`https://api.credly.com`, `https://www.credly.com`), so a
    /// local server can answer like them (issue #17: 404, 410, lists). Never set by the app.
    pub platform_origin: Option<String>,
    /// Size, depth, fetch and time limits for this input ([`Limits::default`] suits most callers).
    pub limits: Limits,
}

impl Options {
    /// What may be fetched ([`FetchPolicy`]): the rules the fetcher must enforce too.
    pub fn fetch_policy(&self) -> FetchPolicy {
        FetchPolicy {
            allow_http: self.allow_http,
        }
    }

    /// Options for verifying as of `at`: no recipient to match, https only, default [`Limits`].
    pub fn at(at: DateTime<Utc>) -> Options {
        Options {
            at,
            recipient: None,
            allow_http: false,
            platform_origin: None,
            limits: Limits::default(),
        }
    }
}

/// One thing to verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file's (or pasted text's) bytes, with a name for the report.
    Bytes {
        /// The name the report gives the input ([`Report::input`]): a file name, `-`, `pasted
        /// text`.
        name: String,
        /// The bytes: PNG, SVG, PDF, JPEG, JSON text, a compact JWS or a URL as text.
        bytes: Vec<u8>,
    },
    /// A URL to fetch (hosted assertion, credential, or baked image).
    Url(String),
}

impl Input {
    /// The input's name in its report ([`Report::input`]): the file name, or the URL.
    pub fn name(&self) -> &str {
        match self {
            Input::Bytes { name, .. } => name,
            Input::Url(u) => u,
        }
    }
}

/// The checks, display data and evidence gathered while verifying one input.
pub(crate) struct Verification<'a, F: Fetcher> {
    pub fetcher: &'a F,
    pub opts: &'a Options,
    pub checks: Vec<Check>,
    pub format: Option<Format>,
    pub badge: Option<BadgeDisplay>,
    pub expert: Expert,
    /// 0 for the input; 1 inside an embedded credential being verified for it (an
    /// endorsement), which then does not verify its own endorsements.
    pub depth: u8,
    /// The input's fetch budget, shared with every sub-verification ([`Verification::sub`]).
    budget: Rc<Budget>,
    /// That the issuer stands behind the document; without it the verdict cannot be `valid`.
    issued: Option<Issued>,
    /// The reports of the credentials inside this one (issue #16), for [`Report::nested`].
    pub nested: Vec<Report>,
    /// A badge platform's page verified through the URL the table names (issue #17).
    pub link: Option<LinkResolution>,
    /// Where in a web page the one badge verified was found (issue #17).
    pub found_at: Option<FoundAt>,
    /// Whether an HTML answer is searched for the badges it links (not inside such a search).
    pub html_pages: bool,
}

impl<'a, F: Fetcher> Verification<'a, F> {
    /// The verification of one input, with a full fetch budget starting now.
    pub fn new(fetcher: &'a F, opts: &'a Options) -> Self {
        let budget = Rc::new(Budget::new(&opts.limits, fetcher.now_ms()));
        Verification {
            fetcher,
            opts,
            checks: Vec::new(),
            format: None,
            badge: None,
            expert: Expert::default(),
            depth: 0,
            budget,
            issued: None,
            nested: Vec::new(),
            link: None,
            found_at: None,
            html_pages: true,
        }
    }

    /// A verification of something the input refers to (a status list credential, an
    /// endorsement), with its own checks but the input's budget: what it fetches counts for
    /// the input.
    pub fn sub(&self) -> Self {
        Verification {
            fetcher: self.fetcher,
            opts: self.opts,
            checks: Vec::new(),
            format: None,
            badge: None,
            expert: Expert::default(),
            depth: self.depth,
            budget: Rc::clone(&self.budget),
            issued: None,
            nested: Vec::new(),
            link: None,
            found_at: None,
            html_pages: self.html_pages,
        }
    }

    /// Records that the issuer stands behind the document (a verified signature with an issuer
    /// key, or a hosted assertion within the issuer's scope). Only [`crate::trust`] makes one.
    pub fn establish(&mut self, issued: Issued) {
        self.issued = Some(issued);
    }

    /// Who issued the document, if that was established.
    pub fn issued(&self) -> Option<&Issued> {
        self.issued.as_ref()
    }

    /// The verdict so far: the worst effect of the checks, and never `valid` without an
    /// [`Issued`] (see [`Report::new`]).
    pub fn verdict(&self) -> Verdict {
        crate::report::verdict_of(&self.checks, self.issued.as_ref())
    }

    pub fn add(&mut self, check: Check) {
        self.checks.push(check);
    }

    /// Fetches a document the badge refers to: only what the [`FetchPolicy`] allows, within
    /// the input's budget (documents, bytes, deadline), logged in the expert view. `purpose`
    /// says what the document is for (the app's progress line).
    pub async fn fetch(
        &mut self,
        url: &str,
        purpose: FetchPurpose,
    ) -> Result<Response, FetchError> {
        self.opts.fetch_policy().check_url(url)?;
        let time_left = self
            .budget
            .start_fetch(self.fetcher.now_ms())
            .map_err(FetchError::BudgetExceeded)?;
        self.expert.fetched.push(url.to_string());
        let resp = match self.fetcher.get(url, purpose, time_left).await {
            Ok(resp) => resp,
            // Cut short by the input's deadline rather than by the fetcher's own limit.
            Err(FetchError::Timeout { .. }) if self.budget.past_deadline(self.fetcher.now_ms()) => {
                return Err(FetchError::BudgetExceeded(self.budget.deadline_reached()));
            }
            Err(e) => return Err(e),
        };
        self.budget
            .spend_bytes(resp.body.len())
            .map_err(FetchError::BudgetExceeded)?;
        Ok(resp)
    }

    fn finish(mut self, input: &str) -> Report {
        // Whatever could not be fetched says why in its own check; this one says the input
        // as a whole was cut short, and leads so that the summary says so.
        if let Some(exceeded) = self.budget.exceeded() {
            self.checks.insert(
                0,
                Check::unverifiable(
                    CheckId::Budget,
                    detail!(
                        "{exceeded} ({n} documents fetched); what was not fetched is not verified",
                        exceeded = cause(exceeded.detail()),
                        n = count(self.budget.fetches_used())
                    ),
                ),
            );
        }
        let recipient_match = self.match_recipient();
        let report = Report::new(
            input,
            self.format,
            self.badge,
            recipient_match,
            self.checks,
            self.expert,
            self.issued,
        );
        Report {
            nested: self.nested,
            link: self.link,
            found_at: self.found_at,
            ..report
        }
    }

    /// The recipient check, when the user gave an identity.
    fn match_recipient(&mut self) -> Option<bool> {
        let given = self.opts.recipient.as_deref()?.trim().to_string();
        if given.is_empty() {
            return None;
        }
        let Some(r) = self.badge.as_ref().and_then(|b| b.recipient.clone()) else {
            self.add(Check::not_checked(
                CheckId::Recipient,
                detail!("the badge names no recipient to compare with"),
            ));
            return Some(false);
        };
        let ok = match recipient::compare(&r, &given) {
            Ok(ok) => ok,
            Err(Uncomparable::NoIdentity) => {
                self.add(Check::not_checked(
                    CheckId::Recipient,
                    detail!("the badge's recipient has no identity to compare with"),
                ));
                return Some(false);
            }
            Err(Uncomparable::UnsupportedHash) => {
                let identity = r.identity.as_deref().unwrap_or_default();
                self.add(Check::not_checked(
                    CheckId::Recipient,
                    detail!(
                        "unsupported identity hash: {identity}",
                        identity = code(identity)
                    ),
                ));
                return Some(false);
            }
        };
        // A mismatch is reported but does not change the verdict: the badge itself is sound,
        // it just belongs to someone else (the report's recipient_match says so).
        self.add(if ok && r.hashed {
            Check::passed(
                CheckId::Recipient,
                detail!(
                    "{given} is the salted hash of the recipient's identity",
                    given = text(given)
                ),
            )
        } else if ok {
            Check::passed(
                CheckId::Recipient,
                detail!("{given} is the recipient's identity", given = text(given)),
            )
        } else {
            Check::warning(
                CheckId::Recipient,
                detail!(
                    "{given} does not match the badge's recipient",
                    given = text(given)
                ),
            )
        });
        Some(ok)
    }
}

/// Why a payload is not a badge, in words (the model's reasons inside our sentences).
fn classify_detail(e: &model::ClassifyError) -> crate::detail::Detail {
    use model::ClassifyError as E;
    match e {
        E::NotJson(m) => detail!("not JSON: {why}", why = cause(m.clone())),
        E::NotABadge(m) => detail!("not an Open Badge: {why}", why = cause(m.clone())),
        E::Unsupported(m) | E::DuplicateKey(m) => m.clone(),
    }
}

/// Several problems as one detail: "a; b; c".
pub(crate) fn joined(items: Vec<crate::detail::Detail>) -> crate::detail::Detail {
    let mut it = items.into_iter().rev();
    let Some(mut all) = it.next() else {
        return detail!("nothing");
    };
    for d in it {
        all = detail!("{first}; {rest}", first = cause(d), rest = cause(all));
    }
    all
}

/// What kind of JSON value `v` is ("a number"), for details that say what was found instead.
pub(crate) fn json_kind(v: &serde_json::Value) -> crate::detail::Detail {
    use serde_json::Value;
    match v {
        Value::Null => detail!("`null`"),
        Value::Bool(_) => detail!("a boolean"),
        Value::Number(_) => detail!("a number"),
        Value::String(_) => detail!("a string"),
        Value::Array(_) => detail!("an array"),
        Value::Object(_) => detail!("an object"),
    }
}

/// Runs one input's verification so that a bug costs that input's report only: a panic becomes
/// its report, verdict `error` ([`Report::internal_error`]), and the caller goes on with the next
/// input (the CLI's workers, the Python package). Needs `panic = "unwind"` (the native
/// profiles); a build that aborts on panic cannot catch one.
///
/// In debug builds, `BADGE_VERIFY_TEST_PANIC=<name>` panics on the input named so: the verifier
/// has no known panicking input left, yet the shells' tests must show that one cannot cost the
/// other inputs' reports, and a hook that cannot ship (optimized builds do not contain it) is
/// the honest way to cause one.
pub fn isolated(name: &str, verify_one: impl FnOnce() -> Report) -> Report {
    let run = || {
        #[cfg(debug_assertions)]
        if std::env::var_os("BADGE_VERIFY_TEST_PANIC").is_some_and(|v| v == name) {
            panic!("test panic requested by BADGE_VERIFY_TEST_PANIC for {name}");
        }
        verify_one()
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(report) => report,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Report::internal_error(name, &what)
        }
    }
}

/// Verifies one input. Never panics on bad input; every failure becomes a check in the report.
pub async fn verify<F: Fetcher>(input: &Input, fetcher: &F, opts: &Options) -> Report {
    let mut v = Verification::new(fetcher, opts);
    // A PDF (issue #17): its links and attached files, each a nested report (verify/pdf.rs).
    if let Input::Bytes { bytes, .. } = input {
        if extract::detect::sniff(bytes) == extract::detect::Kind::Pdf {
            pdf::verify_pdf(&mut v, bytes).await;
            return v.finish(input.name());
        }
    }
    let payload = match input {
        Input::Url(u) => {
            v.expert.source = Some("URL".into());
            Payload::Url(u.trim().to_string())
        }
        Input::Bytes { bytes, .. } => match extract::extract(bytes, &opts.limits) {
            Ok(found) => {
                v.expert.source = Some(found.container.to_string());
                v.add(Check::passed(
                    CheckId::Extract,
                    detail!(
                        "badge found in {container}",
                        container = cause(found.container.detail())
                    ),
                ));
                for w in found.warnings {
                    v.add(Check::warning(CheckId::Extract, w));
                }
                found.payload
            }
            // A PNG without a badge chunk, or a JPEG: its QR codes, if any (issue #17).
            Err(e) if qr::is_picture(bytes, &e) => {
                qr::verify_picture(&mut v, bytes, &e).await;
                return v.finish(input.name());
            }
            Err(e) => {
                v.add(Check::failed(CheckId::Extract, Verdict::Error, e.detail()));
                return v.finish(input.name());
            }
        },
    };
    verify_payload(&mut v, &payload).await;
    // The credential as read, kept for a link that carries it (a URL input carries none).
    let credential = match payload {
        Payload::Json(text) | Payload::Jws(text) => Some(text),
        Payload::Url(_) => None,
    };
    Report {
        credential,
        ..v.finish(input.name())
    }
}

/// How deep credentials may nest inside one input (a presentation holding a CLR holding
/// badges is depth 2); deeper ones are reported, not verified.
pub(crate) const MAX_NESTING: u8 = 3;

/// Verifies a credential found inside the input (a CLR's achievement credentials, a
/// presentation's credentials) as its own [`Report`], named `name`, with the input's fetch
/// budget and options (issue #16). Its verdict is its own: the caller decides what it means
/// for the whole, through a [`CheckId::NestedCredential`] check.
pub(crate) async fn verify_nested<F: Fetcher>(
    parent: &Verification<'_, F>,
    name: String,
    payload: Payload,
) -> Report {
    let mut sub = parent.sub();
    sub.depth = parent.depth.saturating_add(1);
    if sub.depth > MAX_NESTING {
        sub.add(Check::failed(
            CheckId::Format,
            Verdict::Error,
            detail!(
                "credentials nested more than {max} deep are not verified",
                max = count(MAX_NESTING)
            ),
        ));
        return sub.finish(&name);
    }
    Box::pin(verify_payload(&mut sub, &payload)).await;
    let credential = match payload {
        Payload::Json(text) | Payload::Jws(text) => Some(text),
        Payload::Url(_) => None,
    };
    Report {
        credential,
        ..sub.finish(&name)
    }
}

async fn verify_payload<F: Fetcher>(v: &mut Verification<'_, F>, payload: &Payload) {
    let (doc, fetched_from) = match payload {
        Payload::Json(text) => (model::classify_json_text(text), None),
        Payload::Jws(compact) => (model::classify_jws(compact), None),
        Payload::Url(url) => {
            // Issue #17: a badge platform's page is verified through the badge's own data.
            let Some(url) = links::platform_link(v, url).await else {
                return;
            };
            match fetch_hosted(v, &url).await {
                Some((doc, fetched_from)) => (doc, fetched_from),
                None => return,
            }
        }
    };
    let doc = match doc {
        Ok(doc) => doc,
        // A badge whose JSON has a member name twice reads one way here and another way in a
        // viewer or another verifier (issue #14: "valid must be a guarantee"). It is readable,
        // so not an `error`; it is refused, so `invalid`. Reported under "format", the step that
        // reads the document, so the check list shows it where unreadable input is shown; the
        // detail names the member and where it is.
        Err(e @ model::ClassifyError::DuplicateKey(_)) => {
            v.add(Check::failed(
                CheckId::Format,
                Verdict::Invalid,
                classify_detail(&e),
            ));
            return;
        }
        Err(e) => {
            v.add(Check::failed(
                CheckId::Format,
                Verdict::Error,
                classify_detail(&e),
            ));
            return;
        }
    };
    match doc {
        BadgeDoc::Ob2Assertion(a) => ob2::verify_hosted(v, a, fetched_from.as_deref()).await,
        BadgeDoc::Ob2Signed {
            jws,
            compact,
            assertion,
        } => ob2::verify_signed(v, &jws, &compact, assertion).await,
        BadgeDoc::Ob1Assertion(a) => ob2::verify_ob1(v, a, fetched_from.as_deref()).await,
        BadgeDoc::Ob3Credential(c) => ob3::verify_credential(v, c).await,
        BadgeDoc::Ob3Jwt {
            jws,
            compact,
            claims,
            credential,
        } => ob3::verify_jwt(v, &jws, &compact, claims, credential, false).await,
        BadgeDoc::Enveloped(id) => ob3::enveloped::verify(v, id.as_deref()).await,
        // Issue #16: CLR 2.0 and Verifiable Presentations, their credentials each verified
        // as a nested report.
        BadgeDoc::Clr(c) => clr::verify_clr(v, c).await,
        BadgeDoc::ClrJwt {
            jws,
            claims,
            credential,
            ..
        } => clr::verify_clr_jwt(v, &jws, claims, credential).await,
        BadgeDoc::Presentation(p) => presentation::verify_presentation(v, p).await,
        BadgeDoc::PresentationJwt {
            jws,
            claims,
            presentation,
            ..
        } => presentation::verify_presentation_jwt(v, &jws, claims, presentation).await,
    }
}

/// Fetches a URL payload; the response may be JSON, a JWS or a baked image (or, issue #17, a
/// web page that embeds or links one). A hosted OB 2.0 assertion that answers 410 Gone is
/// revoked (OB 2.0 "Verification": hosted revocation). Returns the document with the URL it
/// was fetched from, `None` for a document found embedded in a page.
async fn fetch_hosted<F: Fetcher>(
    v: &mut Verification<'_, F>,
    url: &str,
) -> Option<(Result<BadgeDoc, model::ClassifyError>, Option<String>)> {
    let resp = match v.fetch(url, FetchPurpose::Badge).await {
        Ok(r) => r,
        Err(e) => {
            v.add(Check::unverifiable(
                CheckId::Fetch,
                detail!(
                    "could not fetch {url}: {why}",
                    url = link(url),
                    why = cause(e.detail())
                ),
            ));
            return None;
        }
    };
    if resp.status == 410 {
        v.format = Some(Format::Ob2Hosted);
        v.add(Check::failed(
            CheckId::Revocation,
            Verdict::Revoked,
            detail!(
                "{url} answers 410 Gone: the issuer revoked it",
                url = link(url)
            ),
        ));
        return None;
    }
    if resp.status == 404 {
        v.add(Check::unverifiable(
            CheckId::Fetch,
            detail!(
                "{url} answered HTTP 404 Not Found: there is no such badge, or it is not public",
                url = link(url)
            ),
        ));
        return None;
    }
    if !resp.is_success() {
        v.add(Check::unverifiable(
            CheckId::Fetch,
            detail!(
                "{url} answered HTTP {status}",
                url = link(url),
                status = count(resp.status)
            ),
        ));
        return None;
    }
    if resp.final_url != url {
        v.add(Check::warning(
            CheckId::Fetch,
            detail!(
                "{url} redirected to {to}",
                url = link(url),
                to = link(resp.final_url.clone())
            ),
        ));
    }
    // Issue #17: a web page is searched for the badges it embeds or links.
    #[cfg(feature = "html-pages")]
    if v.html_pages && extract::html::is_html(resp.content_type.as_deref(), &resp.body) {
        return Box::pin(page::verify_page(v, resp)).await;
    }
    let found = match extract::extract(&resp.body, &v.opts.limits) {
        Ok(found) => found,
        Err(e) => {
            v.add(Check::failed(
                CheckId::Extract,
                Verdict::Error,
                detail!("{url}: {why}", url = link(url), why = cause(e.detail())),
            ));
            return None;
        }
    };
    let doc = match found.payload {
        Payload::Json(text) => model::classify_json_text(&text),
        Payload::Jws(compact) => model::classify_jws(&compact),
        Payload::Url(inner) => {
            // A baked image whose payload is again a URL: follow it once, no further.
            if inner == url || v.expert.fetched.len() > 1 {
                v.add(Check::failed(
                    CheckId::Extract,
                    Verdict::Error,
                    detail!(
                        "{url} points to another URL ({inner}) again",
                        url = link(url),
                        inner = link(inner)
                    ),
                ));
                return None;
            }
            return Box::pin(fetch_hosted(v, &inner)).await;
        }
    };
    Some((doc, Some(resp.final_url)))
}
