//! The vocabulary every layer reports in: a [`Check`] names what was checked ([`CheckId`]), how
//! it came out ([`Outcome`]) and what it forces on the badge ([`Verdict`]). A leaf: proof, status,
//! trust and verify make checks; the report derives its verdict from them.

use crate::detail::Detail;
use serde::{Deserialize, Serialize};

/// The overall answer, ordered from worst to best for [`Verdict::severity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Every required check passed.
    Valid,
    /// A document needed to decide (key, status list, hosted assertion) could not be obtained,
    /// or a required check is not implemented.
    Unverifiable,
    NotYetValid,
    Expired,
    Suspended,
    Revoked,
    /// A check failed: signature, structure, id mismatch, scope …
    Invalid,
    /// The input itself cannot be read: no badge in the image, corrupt file, not JSON.
    Error,
}

impl Verdict {
    /// Higher is worse; the report's verdict is the worst verdict any check implies.
    /// A definite negative answer (invalid, revoked, expired …) outranks "could not decide".
    pub fn severity(self) -> u8 {
        match self {
            Verdict::Valid => 0,
            Verdict::Unverifiable => 1,
            Verdict::NotYetValid => 2,
            Verdict::Expired => 3,
            Verdict::Suspended => 4,
            Verdict::Revoked => 5,
            Verdict::Invalid => 6,
            Verdict::Error => 7,
        }
    }

    /// The kebab-case name used in JSON, in `data-verdict` and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Unverifiable => "unverifiable",
            Verdict::NotYetValid => "not-yet-valid",
            Verdict::Expired => "expired",
            Verdict::Suspended => "suspended",
            Verdict::Revoked => "revoked",
            Verdict::Invalid => "invalid",
            Verdict::Error => "error",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How one check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Passed,
    Failed,
    Warning,
    /// Not checked, with the reason in `detail` (not implemented, or a document was missing).
    NotChecked,
    NotApplicable,
}

/// The badge format that was recognised. Serialized as [`Format::as_str`], like [`CheckId`]:
/// one list of names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Ob2Hosted,
    Ob2Signed,
    Ob3DataIntegrity,
    Ob3Jwt,
    /// A W3C Verifiable Credential that is not an Open Badge, with embedded Data Integrity
    /// proofs (issue #16): verified as a credential, its OB data-model checks not applicable.
    VcDataIntegrity,
    /// The same, secured as a JWT (VC-JWT 1.1, or VC-JOSE-COSE `vc+jwt`).
    VcJwt,
    /// A 1EdTech CLR 2.0 `ClrCredential` with embedded proofs; its nested credentials are
    /// verified each as their own report ([`crate::report::Report::nested`]).
    ClrDataIntegrity,
    /// A CLR 2.0 `ClrCredential` secured as a JWT.
    ClrJwt,
    /// A W3C Verifiable Presentation (JSON): each credential inside is its own nested report.
    Presentation,
    /// A Verifiable Presentation secured as a JWT (`vp` claim, or `vp+jwt`).
    PresentationJwt,
    /// An earner's list of badges on a badge platform (a Credly profile): each badge is its own
    /// nested report (issue #17).
    BadgeList,
    /// A web page that links or embeds badges: each one found is its own nested report.
    BadgePage,
    /// A PDF (a résumé): each badge link, URL and attached badge file is its own nested report.
    Pdf,
    /// An image with QR codes (a photo or scan of a certificate): each code is its own nested
    /// report.
    QrImage,
}

impl Format {
    /// Every format, for reading a name back.
    pub const ALL: &'static [Format] = &[
        Format::Ob2Hosted,
        Format::Ob2Signed,
        Format::Ob3DataIntegrity,
        Format::Ob3Jwt,
        Format::VcDataIntegrity,
        Format::VcJwt,
        Format::ClrDataIntegrity,
        Format::ClrJwt,
        Format::Presentation,
        Format::PresentationJwt,
        Format::BadgeList,
        Format::BadgePage,
        Format::Pdf,
        Format::QrImage,
    ];

    /// The name the CLI's `--json` prints (`ob3-jwt`, `vp` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Ob2Hosted => "ob2-hosted",
            Format::Ob2Signed => "ob2-signed",
            Format::Ob3DataIntegrity => "ob3-data-integrity",
            Format::Ob3Jwt => "ob3-jwt",
            Format::VcDataIntegrity => "vc-data-integrity",
            Format::VcJwt => "vc-jwt",
            Format::ClrDataIntegrity => "clr-data-integrity",
            Format::ClrJwt => "clr-jwt",
            Format::Presentation => "vp",
            Format::PresentationJwt => "vp-jwt",
            Format::BadgeList => "badge-list",
            Format::BadgePage => "badge-page",
            Format::Pdf => "pdf",
            Format::QrImage => "qr-image",
        }
    }
}

impl Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Format::ALL
            .iter()
            .find(|f| f.as_str() == name)
            .copied()
            .ok_or_else(|| serde::de::Error::custom(format!("unknown format {name:?}")))
    }
}

/// Declares [`CheckId`] once: each variant with its stable id, so the enum, [`CheckId::ALL`] and
/// [`CheckId::as_str`] cannot drift apart; serde reads and writes `as_str` (one copy of each
/// name in the app's .wasm, where derived impls would add a second).
macro_rules! check_ids {
    ($($(#[$doc:meta])* $variant:ident => $id:literal,)*) => {
        /// What a check is about: a closed list, so the view can name every check in every
        /// language (`badge_view::i18n::check_topic` matches it exhaustively) and nothing
        /// downstream compares strings. Serialized as the stable kebab-case id the CLI's `--json`
        /// has always printed (`signature`, `proof-method`, `jwt-nbf` …); the OB 3.0 conformance
        /// checks are named after the property path they check (the 1EdTech validator's
        /// `simple-err-*` fixtures).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum CheckId {
            $($(#[$doc])* $variant,)*
        }

        impl CheckId {
            /// Every id, in declaration order.
            pub const ALL: &'static [CheckId] = &[$(CheckId::$variant,)*];

            /// The stable id, as in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(CheckId::$variant => $id,)*
                }
            }
        }
    };
}

check_ids! {
    Badgeclass => "badgeclass",
    Budget => "budget",
    Context => "context",
    CredentialId => "credential-id",
    CredentialName => "credential-name",
    CredentialSubject => "credential-subject",
    CredentialSubjectAchievement => "credential-subject-achievement",
    CredentialSubjectAchievementAlignmentType => "credential-subject-achievement-alignment-type",
    CredentialSubjectAchievementCreatorType => "credential-subject-achievement-creator-type",
    CredentialSubjectAchievementResultDescriptionType => "credential-subject-achievement-result-description-type",
    CredentialSubjectAchievementRubricCriterionLevelType => "credential-subject-achievement-rubric-criterion-level-type",
    CredentialSubjectId => "credential-subject-id",
    CredentialSubjectIdentifierType => "credential-subject-identifier-type",
    CredentialSubjectProfileType => "credential-subject-profile-type",
    CredentialSubjectResultAlignmentType => "credential-subject-result-alignment-type",
    CredentialSubjectResultType => "credential-subject-result-type",
    CredentialSubjectType => "credential-subject-type",
    EmbeddedProof => "embedded-proof",
    /// A VC-JOSE-COSE `EnvelopedVerifiableCredential` (its `data:` URL) as read.
    Enveloped => "enveloped",
    Endorsement => "endorsement",
    Endorsements => "endorsements",
    EvidenceType => "evidence-type",
    Expiry => "expiry",
    Extensions => "extensions",
    Extract => "extract",
    Fetch => "fetch",
    Format => "format",
    /// A suite or algorithm that this build leaves to the full verifier, which the app loads
    /// on demand (issue #16); never in the CLI, which has every suite.
    FullVerifier => "full-verifier",
    /// A PDF or a picture's QR codes, which this build leaves to the app's on-demand document
    /// reader (issue #17); never in the CLI.
    DocumentReader => "document-reader",
    /// A presentation's holder, and whether its proof binds it.
    Holder => "holder",
    HostedCopy => "hosted-copy",
    HostedId => "hosted-id",
    Id => "id",
    Input => "input",
    /// The CLI's report for an input whose verification panicked (a bug, never a verdict on
    /// the badge).
    Internal => "internal",
    InsecureUrl => "insecure-url",
    Issued => "issued",
    /// A web page, PDF or image searched for badges: what was found, or why nothing was.
    Found => "found",
    IssuedBy => "issued-by",
    Issuer => "issuer",
    IssuerOtheridentifierType => "issuer-otheridentifier-type",
    IssuerParentorgType => "issuer-parentorg-type",
    IssuerType => "issuer-type",
    JwtHeader => "jwt-header",
    JwtIss => "jwt-iss",
    JwtSub => "jwt-sub",
    JwtJti => "jwt-jti",
    JwtNbf => "jwt-nbf",
    JwtExp => "jwt-exp",
    Key => "key",
    /// A badge platform's link recognised, and the URL verified instead (issue #17).
    Link => "link",
    /// One per credential inside a CLR or a presentation: its own verdict, seen from outside.
    NestedCredential => "nested-credential",
    /// A presentation's own proof (never required for its credentials' verdicts).
    PresentationProof => "presentation-proof",
    Proof => "proof",
    ProofController => "proof-controller",
    ProofCreated => "proof-created",
    ProofExpires => "proof-expires",
    ProofMethod => "proof-method",
    ProofPurpose => "proof-purpose",
    Recipient => "recipient",
    Redirect => "redirect",
    Refresh => "refresh",
    RequiredProperties => "required-properties",
    Revocation => "revocation",
    Schema => "schema",
    Signature => "signature",
    Status => "status",
    Type => "type",
    ValidFrom => "valid-from",
    Validity => "validity",
    ValidityWindow => "validity-window",
    VerificationScope => "verification-scope",
    Version => "version",
}

impl Serialize for CheckId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CheckId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        CheckId::ALL
            .iter()
            .find(|c| c.as_str() == name)
            .copied()
            .ok_or_else(|| serde::de::Error::custom(format!("unknown check id {name:?}")))
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets callers and tests compare with the JSON id: `check.id == "signature"`.
impl PartialEq<&str> for CheckId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for CheckId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// One check with its evidence. `effect` is the verdict this check forces on the report
/// (a failed signature forces `invalid`, an unreachable status list `unverifiable`); `None`
/// for checks that pass, warn, or are informational.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub id: CheckId,
    pub outcome: Outcome,
    pub detail: Detail,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub effect: Option<Verdict>,
}

impl Check {
    fn new(
        id: CheckId,
        outcome: Outcome,
        detail: impl Into<Detail>,
        effect: Option<Verdict>,
    ) -> Self {
        Check {
            id,
            outcome,
            detail: detail.into(),
            effect,
        }
    }
    pub fn passed(id: CheckId, detail: impl Into<Detail>) -> Self {
        Self::new(id, Outcome::Passed, detail, None)
    }
    /// A failed check; `effect` says what it makes of the badge (invalid, revoked, expired …).
    pub fn failed(id: CheckId, effect: Verdict, detail: impl Into<Detail>) -> Self {
        Self::new(id, Outcome::Failed, detail, Some(effect))
    }
    pub fn warning(id: CheckId, detail: impl Into<Detail>) -> Self {
        Self::new(id, Outcome::Warning, detail, None)
    }
    /// A required check that could not be made: the badge cannot be called valid.
    pub fn unverifiable(id: CheckId, detail: impl Into<Detail>) -> Self {
        Self::new(id, Outcome::NotChecked, detail, Some(Verdict::Unverifiable))
    }
    /// An optional check that was not made (its absence does not block `valid`).
    pub fn not_checked(id: CheckId, detail: impl Into<Detail>) -> Self {
        Self::new(id, Outcome::NotChecked, detail, None)
    }
    pub fn not_applicable(id: CheckId, detail: impl Into<Detail>) -> Self {
        Self::new(id, Outcome::NotApplicable, detail, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_serializes_as_its_name() {
        let mut seen = std::collections::BTreeSet::new();
        for &f in Format::ALL {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, format!("\"{}\"", f.as_str()));
            assert_eq!(serde_json::from_str::<Format>(&json).unwrap(), f);
            assert!(seen.insert(f.as_str()), "{f:?} twice");
        }
        // A new variant goes into ALL too, and this count with it.
        assert_eq!(Format::ALL.len(), 14);
        assert!(serde_json::from_str::<Format>("\"no-such-format\"").is_err());
    }

    #[test]
    fn every_id_serializes_as_its_stable_name_and_reads_back() {
        let mut seen = std::collections::BTreeSet::new();
        for &id in CheckId::ALL {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.as_str()));
            assert_eq!(serde_json::from_str::<CheckId>(&json).unwrap(), id);
            assert!(seen.insert(id.as_str()), "{id} twice");
            // The id is the variant's name in kebab case, so neither can be renamed alone.
            let kebab: String = format!("{id:?}")
                .chars()
                .enumerate()
                .flat_map(|(i, c)| match (i, c.is_ascii_uppercase()) {
                    (0, _) | (_, false) => vec![c.to_ascii_lowercase()],
                    _ => vec!['-', c.to_ascii_lowercase()],
                })
                .collect();
            assert_eq!(kebab, id.as_str());
        }
        assert!(serde_json::from_str::<CheckId>("\"no-such-check\"").is_err());
    }
}
