//! `credentialSchema` (OB 3.0 verification.md step 1: a `1EdTechJsonSchemaValidator2019` entry
//! means the credential must conform to that JSON Schema, [VCCS-10]).
//!
//! Schemas are bundled, never fetched (a fetched schema would let the badge's host decide what
//! "conforms" means, and costs a request per badge). Only the OB 3.0 AchievementCredential
//! schema is bundled (see `schemas/SOURCES.md`); any other schema is reported not checked,
//! with its URL.

use crate::check::{Check, CheckId, Verdict};
use crate::detail;
use crate::detail::{cause, code, count, url, Detail};
use crate::model::credential::Credential;
use crate::model::json::{each, id_of, strings};
use serde_json::Value;
#[cfg(feature = "json-schema")]
use std::sync::OnceLock;

const ID: CheckId = CheckId::Schema;

/// The names the AchievementCredential schema is published under (3.0.1 and 3.0.0 URLs).
const ACHIEVEMENT_SCHEMA_URLS: &[&str] = &[
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/achievementcredential.json",
];

const ACHIEVEMENT_SCHEMA: &str =
    include_str!("schemas/ob_v3p0_achievementcredential_schema_draft4.json");

/// Most schema violations listed in one check.
const MAX_ERRORS: usize = 5;
/// Longest text kept of one violation (messages quote the offending value).
const MAX_ERROR_CHARS: usize = 240;

/// The compiled bundled schema, built once.
#[cfg(feature = "json-schema")]
fn achievement_schema() -> Result<&'static (boon::Schemas, boon::SchemaIndex), &'static str> {
    static S: OnceLock<Result<(boon::Schemas, boon::SchemaIndex), String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut schema: Value =
            serde_json::from_str(ACHIEVEMENT_SCHEMA).map_err(|e| e.to_string())?;
        drop_empty_required(&mut schema);
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        // Only the bundled document and boon's built-in metaschemas: nothing is loaded.
        compiler
            .add_resource(ACHIEVEMENT_SCHEMA_URLS[0], schema)
            .map_err(|e| e.to_string())?;
        let index = compiler
            .compile(ACHIEVEMENT_SCHEMA_URLS[0], &mut schemas)
            .map_err(|e| e.to_string())?;
        Ok((schemas, index))
    })
    .as_ref()
    .map_err(String::as_str)
}

fn clip(s: &str) -> String {
    if s.chars().count() <= MAX_ERROR_CHARS {
        return s.to_string();
    }
    let mut out: String = s.chars().take(MAX_ERROR_CHARS).collect();
    out.push('…');
    out
}

/// The 1EdTech rendering has `"required": []` (in `Criteria`), which the draft-04 metaschema
/// forbids (minItems 1) and boon refuses; an empty list requires nothing, so dropping it keeps
/// the schema's meaning.
#[cfg(feature = "json-schema")]
fn drop_empty_required(v: &mut Value) {
    match v {
        Value::Object(o) => {
            if o.get("required")
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty)
            {
                o.remove("required");
            }
            o.values_mut().for_each(drop_empty_required);
        }
        Value::Array(a) => a.iter_mut().for_each(drop_empty_required),
        _ => {}
    }
}

/// The innermost errors (boon nests them under allOf/oneOf/$ref groups).
#[cfg(feature = "json-schema")]
fn leaves<'a, 's, 'v>(
    e: &'a boon::ValidationError<'s, 'v>,
    out: &mut Vec<&'a boon::ValidationError<'s, 'v>>,
) {
    if e.causes.is_empty() {
        out.push(e);
    } else {
        for c in &e.causes {
            leaves(c, out);
        }
    }
}

/// Validates `instance` against the bundled AchievementCredential schema: the violations as
/// "at <JSON pointer>: <message>", at most [`MAX_ERRORS`] of them, and how many there were.
/// One schema violation in our words: where, and what the schema wanted, by the keyword that
/// failed (boon's own English is not shown).
#[cfg(feature = "json-schema")]
fn violation(e: &boon::ValidationError<'_, '_>) -> Detail {
    use boon::ErrorKind as K;
    let path = e.instance_location.to_string();
    let at = code(if path.is_empty() { "/".to_string() } else { clip(&path) });
    let list = |names: Vec<String>| code(clip(&names.join(", ")));
    match &e.kind {
        K::Type { got, want } => detail!(
            "at {at}: a value of type {got}, where the schema expects {want}",
            at = at,
            got = code(got.to_string()),
            want = list(want.iter().map(|t| t.to_string()).collect())
        ),
        K::Required { want } => detail!(
            "at {at}: the required properties {names} are missing",
            at = at,
            names = list(want.iter().map(|s| s.to_string()).collect())
        ),
        K::AdditionalProperties { got } => detail!(
            "at {at}: the properties {names} are not allowed here",
            at = at,
            names = list(got.iter().map(|s| s.to_string()).collect())
        ),
        K::Format { want, .. } => detail!(
            "at {at}: the value is not a valid {format}",
            at = at,
            format = code(*want)
        ),
        K::Pattern { want, .. } => detail!(
            "at {at}: the value does not match the pattern {pattern}",
            at = at,
            pattern = code(clip(want))
        ),
        K::MinItems { want, .. } | K::MinLength { want, .. } | K::MinProperties { want, .. } => {
            detail!(
                "at {at}: the value is shorter than the schema's minimum of {min}",
                at = at,
                min = count(*want)
            )
        }
        _ => {
            // The failed keyword: the last step of the schema location ("…/properties/x/type").
            let keyword = e
                .schema_url
                .rsplit('/')
                .next()
                .filter(|k| !k.is_empty() && !k.contains('#'))
                .unwrap_or("schema");
            detail!(
                "at {at}: the value does not meet the schema's {keyword} rule",
                at = at,
                keyword = code(clip(keyword))
            )
        }
    }
}

/// Validates `instance` against the bundled OB 3.0 AchievementCredential schema: the first
/// violations in words and how many there are in all (0: it conforms), or why it could not be
/// checked.
#[cfg(feature = "json-schema")]
pub fn achievement_violations(instance: &Value) -> Result<(Vec<Detail>, usize), Detail> {
    let (schemas, index) =
        achievement_schema().map_err(|_| detail!("the bundled schema could not be compiled"))?;
    let Err(err) = schemas.validate(instance, *index) else {
        return Ok((Vec::new(), 0));
    };
    let mut found = Vec::new();
    leaves(&err, &mut found);
    let shown = found
        .iter()
        .take(MAX_ERRORS)
        .map(|e| violation(e))
        .collect();
    Ok((shown, found.len().max(1)))
}

/// Without the `json-schema` feature there is no validator.
#[cfg(not(feature = "json-schema"))]
pub fn achievement_violations(_instance: &Value) -> Result<(Vec<Detail>, usize), Detail> {
    let _ = (ACHIEVEMENT_SCHEMA, MAX_ERRORS, clip as fn(&str) -> String);
    Err(detail!(
        "JSON Schema validation is not part of this build (feature `json-schema`)"
    ))
}

/// Violations one after another ("…; …").
fn joined(items: Vec<Detail>) -> Detail {
    let mut items = items.into_iter().rev();
    let last = items.next().unwrap_or_else(|| detail!("no violation named"));
    items.fold(last, |rest, first| {
        detail!("{first}; {rest}", first = cause(first), rest = cause(rest))
    })
}

/// The `schema` checks for credential `c`.
pub fn checks(credential: &Credential) -> Vec<Check> {
    let entries = each(credential.json.get("credentialSchema"));
    if entries.is_empty() {
        return vec![Check::not_applicable(ID, detail!("no `credentialSchema`"))];
    }
    entries.into_iter().map(|s| one(credential, s)).collect()
}

fn one(credential: &Credential, entry: &Value) -> Check {
    let c = &credential.json;
    let at = id_of(Some(entry)).map(str::trim);
    let schema = url(at.unwrap_or("(no id)"));
    let types = strings(entry.get("type"));
    if !types.iter().any(|t| t == "1EdTechJsonSchemaValidator2019") {
        return Check::not_checked(
            ID,
            detail!(
                "not checked: schema {url} of type {types} (only `1EdTechJsonSchemaValidator2019` is checked)",
                url = schema,
                types = code(if types.is_empty() {
                    "(none)".to_string()
                } else {
                    types.join(", ")
                })
            ),
        );
    }
    if !at.is_some_and(|u| ACHIEVEMENT_SCHEMA_URLS.contains(&u)) {
        return Check::not_checked(
            ID,
            detail!(
                "not checked: the JSON Schema {url} is not bundled (schemas are never fetched)",
                url = schema
            ),
        );
    }
    if credential.kind == crate::model::credential::CredentialKind::OtherVc {
        return Check::not_applicable(
            ID,
            detail!(
                "not an Open Badge: the Open Badges schema {url} does not apply",
                url = schema
            ),
        );
    }
    if !credential.is_vc11() {
        return Check::not_checked(
            ID,
            detail!(
                "not checked: {url} — the bundled copy is the VC 1.1 (OB 3.0.0/3.0.1) rendering; its VC 2.0 revision is not bundled",
                url = schema
            ),
        );
    }
    match achievement_violations(c) {
        Ok((_, 0)) => Check::passed(
            ID,
            detail!("conforms to the JSON Schema {url}", url = schema),
        ),
        Ok((shown, 1)) => Check::failed(
            ID,
            Verdict::Invalid,
            detail!(
                "does not conform to the JSON Schema {url} (1 violation): {violations}",
                url = schema,
                violations = cause(joined(shown))
            ),
        ),
        Ok((shown, total)) => Check::failed(
            ID,
            Verdict::Invalid,
            detail!(
                "does not conform to the JSON Schema {url} ({total} violations): {violations}",
                url = schema,
                total = count(total),
                violations = cause(joined(shown))
            ),
        ),
        Err(e) => Check::not_checked(
            ID,
            detail!(
                "not checked: the bundled schema {url} could not be used: {why}",
                url = schema,
                why = cause(e)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checks_of(c: &Value) -> Vec<Check> {
        checks(&Credential::new(c.clone()))
    }
    use crate::report::Outcome;
    use serde_json::json;

    fn vc11() -> Value {
        json!({
            "@context": ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context.json"],
            "id": "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": "A badge",
            "issuer": {"id": "https://example.edu/issuers/565049", "type": "Profile", "name": "Example University"},
            "issuanceDate": "2010-01-01T00:00:00Z",
            "credentialSubject": {
                "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
                "type": "AchievementSubject",
                "achievement": {
                    "id": "https://example.com/achievements/21st-century-skills/teamwork",
                    "type": "Achievement",
                    "criteria": {"narrative": "Team members are nominated for this badge by their peers."},
                    "description": "This badge recognizes the development of the capacity to collaborate within a group environment.",
                    "name": "Teamwork"
                }
            },
            "credentialSchema": [{"id": ACHIEVEMENT_SCHEMA_URLS[0], "type": "1EdTechJsonSchemaValidator2019"}]
        })
    }

    #[test]
    #[cfg(feature = "json-schema")]
    fn the_bundled_schema_compiles() {
        assert!(achievement_schema().is_ok());
    }

    #[test]
    #[cfg(feature = "json-schema")]
    fn conforming_vc11_credential_passes() {
        let r = checks_of(&vc11());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].outcome, Outcome::Passed, "{}", r[0].detail);
    }

    #[test]
    #[cfg(feature = "json-schema")]
    fn structural_failure_names_the_path() {
        let mut c = vc11();
        c["credentialSubject"]["achievement"]
            .as_object_mut()
            .unwrap()
            .remove("criteria");
        c["issuanceDate"] = json!(5);
        let r = checks_of(&c);
        assert_eq!(r[0].effect, Some(Verdict::Invalid));
        assert!(r[0].detail.contains("/issuanceDate"), "{}", r[0].detail);
        assert!(
            r[0].detail.contains("/credentialSubject/achievement"),
            "{}",
            r[0].detail
        );
    }

    #[test]
    fn unknown_and_vc2_schemas_are_not_checked_with_the_url() {
        let mut c = vc11();
        c["credentialSchema"] = json!({"id":"https://example.org/my-schema.json","type":"1EdTechJsonSchemaValidator2019"});
        let r = checks_of(&c);
        assert_eq!(r[0].outcome, Outcome::NotChecked);
        assert!(r[0].effect.is_none());
        assert!(r[0].detail.contains("https://example.org/my-schema.json"));
        let mut v2 = vc11();
        v2["@context"] = json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ]);
        let r = checks_of(&v2);
        assert_eq!(r[0].outcome, Outcome::NotChecked);
        assert!(r[0].detail.contains(ACHIEVEMENT_SCHEMA_URLS[0]));
        assert_eq!(checks_of(&json!({}))[0].outcome, Outcome::NotApplicable);
    }

    #[test]
    #[cfg(feature = "json-schema")]
    fn huge_values_are_clipped() {
        let mut c = vc11();
        c["name"] = json!(vec!["x".repeat(10_000)]);
        let r = checks_of(&c);
        assert_eq!(r[0].effect, Some(Verdict::Invalid));
        assert!(r[0].detail.to_string().len() < 2000);
    }
}
