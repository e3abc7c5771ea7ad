//! The report: one per input, shared by the app and the CLI (`badge-verify --json` prints it).
//!
//! A report is a list of checks; the verdict is *derived* from them (see [`Report::verdict`]),
//! so a check cannot be forgotten in the verdict and a not-implemented check cannot pass.

pub use crate::check::{Check, CheckId, Format, Outcome, Verdict};
use crate::trust::{Issued, IssuedBy};
use serde::{Deserialize, Serialize};

/// Technical details for the expert view (format, proof suite, key, hashes, status list …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Expert {
    /// Where the payload was found (`png iTXt openbadgecredential`, `svg`, `json`, `url` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The signature mechanism that was verified, for people (`OB 2.0 HostedBadge`, `JWS RS256`,
    /// `VC-JWT EdDSA`, a Data Integrity cryptosuite such as `eddsa-rdfc-2022`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof_suite: Option<String>,
    /// The verification method (key id or DID URL) whose key verified the signature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// Where the key was found (did:key, did:web document URL, issuer profile …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_source: Option<String>,
    /// The hex digest of the canonicalized document that the shown Data Integrity proof signed
    /// (the signature covers it with the proof options' digest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_hash: Option<String>,
    /// The status or revocation lists consulted, each with its purpose where it has one
    /// (`https://… (revocation)`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub status_lists: Vec<String>,
    /// URLs fetched while verifying, in order.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub fetched: Vec<String>,
}

/// What the badge will look like: filled from the assertion/credential, BadgeClass/Achievement
/// and issuer profile. Every string is untrusted text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BadgeDisplay {
    /// The badge's (BadgeClass's, Achievement's) name.
    pub name: Option<String>,
    /// The badge's description.
    pub description: Option<String>,
    /// An http(s) URL or a `data:` URI.
    pub image: Option<String>,
    /// The issuer, as its profile names it.
    pub issuer: IssuerDisplay,
    /// The earner, as the badge names them (`None` when it names nobody).
    pub recipient: Option<RecipientDisplay>,
    /// Issue date (OB 2.0 `issuedOn`, OB 3.0 `validFrom`/`issuanceDate`), RFC 3339.
    pub issued: Option<String>,
    /// Expiry (OB 2.0 `expires`, OB 3.0 `validUntil`/`expirationDate`), RFC 3339.
    pub expires: Option<String>,
    /// What earning the badge required.
    pub criteria: Option<Criteria>,
    /// Educational frameworks and standards the badge aligns to.
    #[serde(default)]
    pub alignments: Vec<Alignment>,
    /// The badge's tags (OB 2.0 `tags`, OB 3.0 `tag`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// OB 3.0 `achievementType` (`Badge`, `Certificate`, `Course` …).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub achievement_type: Option<String>,
    /// Evidence of the work the badge was awarded for.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Endorsements of the badge, each with its own verdict when it was verified.
    #[serde(default)]
    pub endorsements: Vec<Endorsement>,
    /// The URL to give others for verification (hosted assertion or credential id), if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub verify_url: Option<String>,
    /// The `type`s of a Verifiable Credential that is not an Open Badge (issue #16), which say
    /// what it claims to be: `["VerifiableCredential", "AlumniCredential"]`. Empty for badges.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub credential_types: Vec<String>,
    /// A CLR 2.0 `ClrCredential` shown as a transcript (issue #16): the record's name, the
    /// learner, its achievements and their associations. `None` for a single badge.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub transcript: Option<Transcript>,
}

/// A Comprehensive Learner Record as a transcript (CLR 2.0 `ClrSubject`). Untrusted text, like
/// the rest of the display; each achievement's credential has its own verdict in the report's
/// [`Report::nested`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    /// The ClrCredential's `name`.
    pub name: Option<String>,
    /// The learner: the ClrSubject's identifier or id.
    pub learner: Option<RecipientDisplay>,
    /// The achievements the record lists, in its order.
    #[serde(default)]
    pub achievements: Vec<TranscriptAchievement>,
    /// Relations between those achievements (`isParentOf`, `precedes` …).
    #[serde(default)]
    pub associations: Vec<TranscriptAssociation>,
}

/// One achievement of a transcript: from a nested credential (its `credentialSubject`'s
/// achievement and results) or from the ClrSubject's own `achievement` list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TranscriptAchievement {
    /// The achievement's `id`.
    pub id: Option<String>,
    /// The achievement's name.
    pub name: Option<String>,
    /// `achievementType` (`Course`, `Degree`, `Competency` …).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Results (grades, scores, statuses) recorded for it.
    #[serde(default)]
    pub results: Vec<TranscriptResult>,
    /// The index in [`Report::nested`] of the credential that awards it, if one does.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub credential: Option<usize>,
}

/// A result (grade, score, status) of an achievement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TranscriptResult {
    /// The name of the result's `resultDescription`, when the achievement describes it.
    pub name: Option<String>,
    /// The value achieved (a grade, a score), as written.
    pub value: Option<String>,
    /// A status (`Completed`, `Enrolled` …), as written.
    pub status: Option<String>,
}

/// A CLR 2.0 `Association` between two achievements: `source` `kind` `target`
/// (e.g. `isParentOf`), by achievement id, with their names when the transcript has them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TranscriptAssociation {
    /// The association's type (`isParentOf`, `isChildOf`, `precedes` …).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The source achievement's id.
    pub source: Option<String>,
    /// The target achievement's id.
    pub target: Option<String>,
    /// The source achievement's name, when the transcript lists it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_name: Option<String>,
    /// The target achievement's name, when the transcript lists it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub target_name: Option<String>,
}

/// The issuer as its profile describes it. Untrusted text: the issuer's *identity* is
/// established only by [`Report::issued_by`], never by these names.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IssuerDisplay {
    /// The issuer's id (a URL or DID).
    pub id: Option<String>,
    /// The issuer's name.
    pub name: Option<String>,
    /// The issuer's home page.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// The issuer's image: an http(s) URL or a `data:` URI.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub image: Option<String>,
    /// The issuer's contact e-mail.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub email: Option<String>,
}

/// The earner as the badge names them. `identity` may be a salted hash (`sha256$…`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecipientDisplay {
    /// `email`, `url`, `telephone`, `id`, `did` …
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The identity (an e-mail, a URL, a DID …), or its hash when [`RecipientDisplay::hashed`].
    pub identity: Option<String>,
    /// Whether `identity` is a hash (`sha256$…`, `md5$…`) rather than the identity itself.
    pub hashed: bool,
    /// The salt hashed with the identity, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub salt: Option<String>,
    /// The earner's name, when the credential gives one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
}

/// What earning the badge required: a page, a narrative, or both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Criteria {
    /// A page describing the criteria.
    pub url: Option<String>,
    /// Markdown narrative; the app renders it as text, never as HTML.
    pub narrative: Option<String>,
}

/// An alignment to an educational framework or standard (OB `Alignment`: its `target*`
/// properties).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// `targetName`.
    pub name: Option<String>,
    /// `targetUrl`.
    pub url: Option<String>,
    /// `targetDescription`.
    pub description: Option<String>,
    /// `targetFramework`.
    pub framework: Option<String>,
    /// `targetCode`.
    pub code: Option<String>,
}

/// Evidence of the earner's work: a link, a narrative, or both. Untrusted text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The evidence's name.
    pub name: Option<String>,
    /// The evidence's description.
    pub description: Option<String>,
    /// The evidence's URL (its `id`, or the evidence itself when it is a bare URL).
    pub url: Option<String>,
    /// How the earner met the criteria, in Markdown.
    pub narrative: Option<String>,
}

/// An endorsement of the badge, its issuer or its achievement (an OB 3.0
/// `EndorsementCredential`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Endorsement {
    /// The endorser's name.
    pub issuer_name: Option<String>,
    /// The endorser's id.
    pub issuer_id: Option<String>,
    /// The endorsement's comment (`endorsementComment`).
    pub comment: Option<String>,
    /// The endorsement's own verdict, when it was verified.
    pub verdict: Option<Verdict>,
}

/// The result of verifying one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The input as the user gave it (file name, URL, `-`, `pasted text`).
    pub input: String,
    /// The overall answer, derived from [`Report::checks`] (never set on its own): see
    /// [`Verdict`] and [`verdict_of`].
    pub verdict: Verdict,
    /// The badge format recognised; `None` when the input was not read as any.
    pub format: Option<Format>,
    /// One sentence saying why the verdict is what it is.
    pub summary: crate::detail::Detail,
    /// What the badge shows (name, issuer, recipient, dates …), when it could be read. Untrusted:
    /// shown to people, never evidence of validity.
    pub badge: Option<BadgeDisplay>,
    /// Whether the recipient the user typed matches the badge's; `None` when none was given.
    pub recipient_match: Option<bool>,
    /// Every check made, in order; the verdict is the worst [`Check::effect`] among them.
    pub checks: Vec<Check>,
    /// Technical details for experts (suite, key, hashes, URLs fetched).
    #[serde(default)]
    pub expert: Expert,
    /// Who stands behind the badge and how we know (a verified signature with a key bound to
    /// the issuer, or a hosted assertion within the issuer's scope). Present whenever the
    /// verdict is `valid`; the view's "verified issuer key" is read from it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub issued_by: Option<IssuedBy>,
    /// The credential read from the input's bytes, exactly as read (JSON text, or the compact
    /// JWS), for a link that carries it (the app's `#credential=`, through
    /// [`Report::credential_one_line`]); `None` for a URL and for unreadable input. Not in the
    /// JSON report: it is the input itself.
    #[serde(skip)]
    pub credential: Option<String>,
    /// The credentials inside this one, each verified as its own report: a CLR's achievements,
    /// a presentation's credentials (issue #16). Empty for a single badge.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub nested: Vec<Report>,
    /// Where in its parent this report's input was found (a PDF's page, a link or an attached
    /// file, a QR code): for the reports in a PDF's, a page's or an image's `nested` (issue #17).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub found_at: Option<FoundAt>,
    /// A badge platform's page recognised and the URL verified in its place (a Credly badge
    /// link → its hosted assertion), issue #17.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub link: Option<LinkResolution>,
}

/// Where a badge was found inside a document (issue #17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundAt {
    /// 1-based page of a PDF.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub page: Option<u32>,
    /// What the badge was found in or by (a link, text, an attachment …).
    pub kind: FoundKind,
    /// The attached file's name, or the link's text, when there is one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
}

/// How a badge was found inside a document ([`FoundAt::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FoundKind {
    /// A link (a PDF link annotation, an HTML `<a>`/`<link>`).
    Link,
    /// A URL written in the text.
    Text,
    /// A file attached to or embedded in the document (a baked image, JSON, a JWT).
    Attachment,
    /// JSON-LD or JSON embedded in a web page (`<script type="application/ld+json">`).
    Embedded,
    /// A QR code in an image.
    QrCode,
}

/// A badge platform's page and the URL verified in its place (issue #17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkResolution {
    /// The platform, as the table names it (`Credly` …).
    pub platform: String,
    /// The page the user gave.
    pub page: String,
    /// What was verified instead: the badge's own data.
    pub verified: String,
}

impl Report {
    /// [`Report::credential`] on one line, for a link that carries it: JSON re-serialized
    /// compactly, read strictly first, so a document with a member name twice (which reads one
    /// way here and another elsewhere) never becomes a link; a compact JWS as it is. Made on
    /// demand: verification itself never pays for it.
    pub fn credential_one_line(&self, max_json_depth: usize) -> Option<String> {
        let text = self.credential.as_deref()?;
        if !text.trim_start().starts_with('{') {
            return Some(text.to_string());
        }
        let value = crate::strict_json::from_str(text, max_json_depth).ok()?;
        serde_json::to_string(&value).ok()
    }

    /// Builds a report from its checks, deriving verdict and summary. `valid` needs `issued`:
    /// without it the report says what was not established and is `unverifiable`.
    pub fn new(
        input: impl Into<String>,
        format: Option<Format>,
        badge: Option<BadgeDisplay>,
        recipient_match: Option<bool>,
        mut checks: Vec<Check>,
        expert: Expert,
        issued: Option<Issued>,
    ) -> Report {
        if issued.is_none() && worst_effect(&checks) == Verdict::Valid {
            checks.push(Check::unverifiable(
                CheckId::IssuedBy,
                crate::detail!("not checked: nothing established that the issuer issued this badge (no signature with the issuer's key, no hosted copy on the issuer's site)"),
            ));
        }
        let verdict = verdict_of(&checks, issued.as_ref());
        let summary = summarize(verdict, &checks);
        Report {
            input: input.into(),
            verdict,
            format,
            summary,
            badge,
            recipient_match,
            checks,
            expert,
            issued_by: issued.map(|i| i.facts().clone()),
            credential: None,
            nested: Vec::new(),
            found_at: None,
            link: None,
        }
    }

    /// The report for an input that could not be read at all.
    pub fn error(
        input: impl Into<String>,
        check_id: CheckId,
        message: impl Into<crate::detail::Detail>,
    ) -> Report {
        let checks = vec![Check::failed(check_id, Verdict::Error, message)];
        Report::new(input, None, None, None, checks, Expert::default(), None)
    }

    /// The report for an input whose verification failed by a bug of ours (a panic, a trap in
    /// WebAssembly): verdict `error`, check `internal`, naming what went wrong. The shells give
    /// it to that input alone and go on with the others ([`crate::verify::isolated`]).
    pub fn internal_error(input: impl Into<String>, what: &str) -> Report {
        Report::error(
            input,
            CheckId::Internal,
            crate::detail::Detail::Text(format!(
                "internal error while verifying this input: {what}; please report it \
                 (the other inputs are not affected)"
            )),
        )
    }

    /// One JSON object on one line (the `--json` contract).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

/// The verdict: the worst verdict any check forces, and `unverifiable` instead of `valid` when
/// nothing established who issued the document.
pub fn verdict_of(checks: &[Check], issued: Option<&Issued>) -> Verdict {
    match (worst_effect(checks), issued) {
        (Verdict::Valid, None) => Verdict::Unverifiable,
        (v, _) => v,
    }
}

/// The worst verdict any check forces; `valid` when none forces anything.
fn worst_effect(checks: &[Check]) -> Verdict {
    checks
        .iter()
        .filter_map(|c| c.effect)
        .max_by_key(|v| v.severity())
        .unwrap_or(Verdict::Valid)
}

/// One sentence: the first check that forced the verdict, or a count of what passed.
fn summarize(verdict: Verdict, checks: &[Check]) -> crate::detail::Detail {
    use crate::detail::count;
    if let Some(c) = checks.iter().find(|c| c.effect == Some(verdict)) {
        return c.detail.clone();
    }
    let n = |o: Outcome| checks.iter().filter(|c| c.outcome == o).count();
    let (passed, warnings, skipped) = (
        count(n(Outcome::Passed)),
        count(n(Outcome::Warning)),
        count(n(Outcome::NotChecked)),
    );
    match (n(Outcome::Warning), n(Outcome::NotChecked)) {
        (0, 0) => crate::detail!("All required checks passed ({passed} passed).", passed = passed),
        (0, _) => crate::detail!(
            "All required checks passed ({passed} passed, {skipped} not checked).",
            passed = passed,
            skipped = skipped,
        ),
        (1, 0) => crate::detail!(
            "All required checks passed ({passed} passed, 1 warning).",
            passed = passed,
        ),
        (1, _) => crate::detail!(
            "All required checks passed ({passed} passed, 1 warning, {skipped} not checked).",
            passed = passed,
            skipped = skipped,
        ),
        (_, 0) => crate::detail!(
            "All required checks passed ({passed} passed, {warnings} warnings).",
            passed = passed,
            warnings = warnings,
        ),
        _ => crate::detail!(
            "All required checks passed ({passed} passed, {warnings} warnings, {skipped} not checked).",
            passed = passed,
            warnings = warnings,
            skipped = skipped,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_is_the_worst_effect() {
        let checks = vec![
            Check::passed(CheckId::Id, "ok"),
            Check::unverifiable(CheckId::Status, "status list unreachable"),
            Check::failed(CheckId::Expiry, Verdict::Expired, "expired on 2020-01-01"),
        ];
        assert_eq!(worst_effect(&checks), Verdict::Expired);
        let r = Report::new("x", None, None, None, checks, Expert::default(), None);
        assert_eq!(r.summary, "expired on 2020-01-01");
    }

    #[test]
    fn optional_not_checked_does_not_block_valid_but_required_does() {
        let optional = vec![
            Check::passed(CheckId::Signature, "ok"),
            Check::not_checked(CheckId::Schema, "not implemented"),
        ];
        let issued = Issued::for_view_tests("https://issuer.example");
        assert_eq!(verdict_of(&optional, Some(&issued)), Verdict::Valid);
        // Every check passed, but nothing said who issued it: not valid.
        assert_eq!(verdict_of(&optional, None), Verdict::Unverifiable);
        let r = Report::new("x", None, None, None, optional, Expert::default(), None);
        assert_eq!(r.verdict, Verdict::Unverifiable);
        assert!(r.checks.iter().any(|c| c.id == "issued-by"));
        let required = vec![
            Check::passed(CheckId::Signature, "ok"),
            Check::unverifiable(CheckId::Status, "not implemented"),
        ];
        assert_eq!(verdict_of(&required, Some(&issued)), Verdict::Unverifiable);
    }

    #[test]
    fn json_uses_kebab_case_names() {
        let r = Report::new(
            "in",
            Some(Format::Ob3DataIntegrity),
            None,
            Some(true),
            vec![Check::failed(
                CheckId::Validity,
                Verdict::NotYetValid,
                "not yet",
            )],
            Expert::default(),
            None,
        );
        let v: serde_json::Value = serde_json::from_str(&r.to_json_line()).unwrap();
        assert_eq!(v["verdict"], "not-yet-valid");
        assert_eq!(v["format"], "ob3-data-integrity");
        assert_eq!(v["checks"][0]["outcome"], "failed");
        assert_eq!(v["recipient_match"], true);
    }
}
