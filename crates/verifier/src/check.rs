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
    /// The badge's validity period has not begun at [`crate::Options::at`] (`validFrom`, `nbf`).
    NotYetValid,
    /// The badge expired before [`crate::Options::at`] (`expires`, `validUntil`, `exp`).
    Expired,
    /// A status list marks the credential suspended (`statusPurpose: "suspension"`); it may be
    /// reinstated, so this is not `revoked`.
    Suspended,
    /// The issuer revoked it: an OB 2.0 revocation list entry, a hosted assertion answering
    /// 410 Gone or `revoked: true`, or a status list's revocation bit.
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
    /// The check was made and the badge met it.
    Passed,
    /// The check was made and the badge did not meet it; [`Check::effect`] says what that makes of
    /// the badge.
    Failed,
    /// Worth telling the reader, but it does not change the verdict.
    Warning,
    /// Not checked, with the reason in `detail` (not implemented, or a document was missing).
    NotChecked,
    /// The check does not concern this kind of badge (a hosted OB 2.0 assertion has no proof).
    NotApplicable,
}

/// The badge format that was recognised. Serialized as [`Format::as_str`], like [`CheckId`]:
/// one list of names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An OB 2.0 assertion verified by fetching it from its issuer's host (`HostedBadge`).
    Ob2Hosted,
    /// An OB 2.0 assertion signed as a compact JWS (`SignedBadge`).
    Ob2Signed,
    /// An OB 3.0 `OpenBadgeCredential` with embedded Data Integrity proofs.
    Ob3DataIntegrity,
    /// An OB 3.0 `OpenBadgeCredential` secured as a JWT (VC-JWT 1.1, or VC-JOSE-COSE `vc+jwt`).
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
    /// OB 2.0: the BadgeClass fetched (or embedded) and read.
    Badgeclass => "badgeclass",
    /// The verification's budget (documents fetched, time, [`crate::Limits`]) ran out; what was not
    /// fetched is not verified.
    Budget => "budget",
    /// The JSON-LD `@context` names the context the format requires, first.
    Context => "context",
    /// OB 3.0: the credential's `id` is a URI.
    CredentialId => "credential-id",
    /// OB 3.0: the credential has a `name` string.
    CredentialName => "credential-name",
    /// The credential has a `credentialSubject`.
    CredentialSubject => "credential-subject",
    /// OB 3.0: `credentialSubject.achievement` is an `Achievement` object with its required
    /// properties.
    CredentialSubjectAchievement => "credential-subject-achievement",
    /// OB 3.0: each of the achievement's `alignment` entries has the type `Alignment`.
    CredentialSubjectAchievementAlignmentType => "credential-subject-achievement-alignment-type",
    /// OB 3.0: the achievement's `creator` is typed `Profile`.
    CredentialSubjectAchievementCreatorType => "credential-subject-achievement-creator-type",
    /// OB 3.0: each `resultDescription` of the achievement has the type `ResultDescription`.
    CredentialSubjectAchievementResultDescriptionType => "credential-subject-achievement-result-description-type",
    /// OB 3.0: each `rubricCriterionLevel` of a result description has the type
    /// `RubricCriterionLevel`.
    CredentialSubjectAchievementRubricCriterionLevelType => "credential-subject-achievement-rubric-criterion-level-type",
    /// OB 3.0: the subject is identified by an `id` or an `identifier`.
    CredentialSubjectId => "credential-subject-id",
    /// OB 3.0: each of the subject's `identifier` entries is an `IdentityObject`.
    CredentialSubjectIdentifierType => "credential-subject-identifier-type",
    /// OB 3.0: the subject's `source` is typed `Profile`.
    CredentialSubjectProfileType => "credential-subject-profile-type",
    /// OB 3.0: each `alignment` of a result has the type `Alignment`.
    CredentialSubjectResultAlignmentType => "credential-subject-result-alignment-type",
    /// OB 3.0: each of the subject's `result` entries has the type `Result`.
    CredentialSubjectResultType => "credential-subject-result-type",
    /// OB 3.0: the subject's `type` includes `AchievementSubject`.
    CredentialSubjectType => "credential-subject-type",
    /// A VC-JWT that also carries embedded proofs: those verify too.
    EmbeddedProof => "embedded-proof",
    /// A VC-JOSE-COSE `EnvelopedVerifiableCredential` (its `data:` URL) as read.
    Enveloped => "enveloped",
    /// One endorsement (`endorsement`, `endorsementJwt`) verified as a credential of its own.
    Endorsement => "endorsement",
    /// The endorsements as a whole: how many, and how many verified (never required for `valid`).
    Endorsements => "endorsements",
    /// OB 3.0: each `evidence` entry has the type `Evidence`.
    EvidenceType => "evidence-type",
    /// The expiry date (`expires`, `validUntil`, `expirationDate`) against [`crate::Options::at`].
    Expiry => "expiry",
    /// OB 2.0 extensions: shown as data, not validated.
    Extensions => "extensions",
    /// Where the badge was found in the input (PNG chunk, SVG element, JSON, JWS …), or why none
    /// was.
    Extract => "extract",
    /// A document (the input's URL, a linked page) could not be fetched.
    Fetch => "fetch",
    /// The input's format: which badge format it is, or that it is none the verifier knows.
    Format => "format",
    /// A suite or algorithm that this build leaves to the full verifier, which the app loads
    /// on demand (issue #16); never in the CLI, which has every suite.
    FullVerifier => "full-verifier",
    /// A PDF or a picture's QR codes, which this build leaves to the app's on-demand document
    /// reader (issue #17); never in the CLI.
    DocumentReader => "document-reader",
    /// A presentation's holder, and whether its proof binds it.
    Holder => "holder",
    /// OB 2.0: a baked assertion compared with its hosted copy (the hosted one is verified).
    HostedCopy => "hosted-copy",
    /// OB 2.0 `HostedBadge`: the assertion is served at its own `id`, on the issuer's host.
    HostedId => "hosted-id",
    /// A document's `id`. Not emitted by the verifier today; kept as a stable id, which the view
    /// names.
    Id => "id",
    /// An input that could not be loaded at all (a missing file, an unreadable argument): the CLI's
    /// [`crate::Report::error`] for it.
    Input => "input",
    /// The CLI's report for an input whose verification panicked (a bug, never a verdict on
    /// the badge).
    Internal => "internal",
    /// A plain `http:` URL in the badge: never fetched (an `https:` copy may be, and is said so).
    InsecureUrl => "insecure-url",
    /// The issue date (`issuedOn`, `validFrom`, `issuanceDate`) is a date and not in the future.
    Issued => "issued",
    /// A web page, PDF or image searched for badges: what was found, or why nothing was.
    Found => "found",
    /// Whether anything established who issued the badge (a signature with the issuer's key or a
    /// hosted copy within the issuer's scope); without it a badge is never `valid`.
    IssuedBy => "issued-by",
    /// The issuer: present, and its profile read (OB 2.0 fetched, OB 3.0 embedded).
    Issuer => "issuer",
    /// OB 3.0: each of the issuer's `otherIdentifier` entries is an `IdentifierEntry`.
    IssuerOtheridentifierType => "issuer-otheridentifier-type",
    /// OB 3.0: the issuer's `parentOrg` is typed `Profile`.
    IssuerParentorgType => "issuer-parentorg-type",
    /// OB 3.0: the issuer is a `Profile` object (not a bare URI).
    IssuerType => "issuer-type",
    /// The JWT's header: `alg`, `typ` and key reference usable.
    JwtHeader => "jwt-header",
    /// VC-JWT: `iss` matches the credential's `issuer.id`.
    JwtIss => "jwt-iss",
    /// VC-JWT: `sub` matches the credential subject's `id`.
    JwtSub => "jwt-sub",
    /// VC-JWT: `jti` matches the credential's `id`.
    JwtJti => "jwt-jti",
    /// VC-JWT: `nbf` (not before) against [`crate::Options::at`] and the credential's `validFrom`.
    JwtNbf => "jwt-nbf",
    /// VC-JWT: `exp` (expiry) against [`crate::Options::at`] and the credential's `validUntil`.
    JwtExp => "jwt-exp",
    /// OB 2.0 signed assertions: the signing key is one the issuer Profile lists in `publicKey`.
    Key => "key",
    /// A badge platform's link recognised, and the URL verified instead (issue #17).
    Link => "link",
    /// One per credential inside a CLR or a presentation: its own verdict, seen from outside.
    NestedCredential => "nested-credential",
    /// A presentation's own proof (never required for its credentials' verdicts).
    PresentationProof => "presentation-proof",
    /// An OB 3.0 credential's signature (an embedded Data Integrity proof or the VC-JWT's JWS).
    Proof => "proof",
    /// The verification method belongs to the issuer (its controller or DID is the issuer's).
    ProofController => "proof-controller",
    /// A Data Integrity proof's `created` is a date and not in the future.
    ProofCreated => "proof-created",
    /// A Data Integrity proof's `expires` (if any) against [`crate::Options::at`].
    ProofExpires => "proof-expires",
    /// The proof's verification method (or the JWT's key reference) resolved to a usable public
    /// key.
    ProofMethod => "proof-method",
    /// The proof's `proofPurpose` is `assertionMethod`.
    ProofPurpose => "proof-purpose",
    /// Whether the badge names the recipient given in [`crate::Options::recipient`]; reported in
    /// [`crate::Report::recipient_match`], never part of the verdict.
    Recipient => "recipient",
    /// A fetched URL redirected elsewhere.
    Redirect => "redirect",
    /// OB 3.0 `refreshService`: the refresh offered is shown with its URL, never used.
    Refresh => "refresh",
    /// The properties the format requires are present (or, for a VC that is not an Open Badge, that
    /// the OB data model does not apply).
    RequiredProperties => "required-properties",
    /// OB 2.0 revocation: the issuer's `revocationList`, or a hosted assertion answering 410 Gone
    /// or `revoked: true`.
    Revocation => "revocation",
    /// OB 3.0 `credentialSchema` validated against the bundled JSON Schema (feature `json-schema`).
    Schema => "schema",
    /// An OB 2.0 (or 1.x) signed assertion's JWS signature.
    Signature => "signature",
    /// OB 3.0 / VC `credentialStatus`: the status list (Bitstring Status List, StatusList2021,
    /// 1EdTech revocation list) fetched and the entry's bit read.
    Status => "status",
    /// The document's `type` is what its format requires (`Assertion`, `VerifiableCredential`,
    /// `OpenBadgeCredential` …).
    Type => "type",
    /// OB 3.0: `validFrom` (or VC 1.1 `issuanceDate`) is a date-time string.
    ValidFrom => "valid-from",
    /// The validity window as a whole. Not emitted by the verifier today; kept as a stable id,
    /// which the view names.
    Validity => "validity",
    /// The validity window is consistent (it does not end before it begins).
    ValidityWindow => "validity-window",
    /// OB 2.0 hosted verification: the assertion's URL is within the issuer's allowed origins
    /// (`verificationProperty`, `allowedOrigins`, `startsWith`).
    VerificationScope => "verification-scope",
    /// The Open Badges version: 0.5 and 1.x assertions are recognised and reported as such.
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
    /// What was checked.
    pub id: CheckId,
    /// How it came out.
    pub outcome: Outcome,
    /// Why, as a template with arguments: `detail.to_string()` is the English sentence, and the
    /// view renders it in the reader's language.
    pub detail: Detail,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    /// The verdict this check forces; the report's verdict is the worst of them (see
    /// [`Verdict::severity`]).
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
    /// A check the badge met.
    pub fn passed(id: CheckId, detail: impl Into<Detail>) -> Self {
        Self::new(id, Outcome::Passed, detail, None)
    }
    /// A failed check; `effect` says what it makes of the badge (invalid, revoked, expired …).
    pub fn failed(id: CheckId, effect: Verdict, detail: impl Into<Detail>) -> Self {
        Self::new(id, Outcome::Failed, detail, Some(effect))
    }
    /// A remark that does not change the verdict.
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
    /// A check that does not concern this badge.
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
