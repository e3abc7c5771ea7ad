//! An `EnvelopedVerifiableCredential` (VC 2.0 §4.13; VC-JOSE-COSE §3.1.1 and its "Data URIs"
//! example): the credential secured as a whole, in the `id` as a `data:` URL. A
//! `data:application/vc+jwt,…` URL is read, recorded as the `enveloped` check, and its JWT
//! verified like any VC-JWT (the report's format is that of the JWT inside). Other media types
//! (`application/vc+cose`, `application/vc+sd-jwt` …) are not implemented: the report names
//! them and says the credential is not verified.

use super::verify_jwt;
use crate::check::{Check, CheckId, Verdict};
use crate::detail;
use crate::detail::{cause, code};
use crate::model::enveloped::{read_data_url, VC_JWT, VC_JWT_DRAFTS};
use crate::model::{self, BadgeDoc, ClassifyError};
use crate::resolve::fetch::Fetcher;
use crate::verify::Verification;

const ID: CheckId = CheckId::Enveloped;

/// Verifies the credential in an enveloped credential's `id`.
pub(crate) async fn verify<F: Fetcher>(v: &mut Verification<'_, F>, id: Option<&str>) {
    let Some(id) = id else {
        v.add(Check::failed(
            ID,
            Verdict::Error,
            detail!("an `EnvelopedVerifiableCredential` without an `id`: there is no credential inside (VC 2.0 §4.13)"),
        ));
        return;
    };
    // The data: URL is part of the input, so bounded like any payload (limits.rs).
    let data = match read_data_url(id, v.opts.limits.max_payload_bytes) {
        Ok(d) => d,
        Err(e) => {
            v.add(Check::failed(
                ID,
                Verdict::Error,
                detail!(
                    "an `EnvelopedVerifiableCredential` that cannot be read: {why}",
                    why = cause(e.detail())
                ),
            ));
            return;
        }
    };
    let media = data.media_type.as_str();
    let draft = VC_JWT_DRAFTS.contains(&media);
    if media != VC_JWT && !draft {
        // Never a pass, never "not an Open Badge": a securing mechanism this build lacks.
        v.add(Check::unverifiable(
            ID,
            detail!(
                "an enveloped credential of media type {media}: this verifier does not implement it, so the credential inside is not verified",
                media = code(media)
            ),
        ));
        return;
    }
    let Ok(compact) = String::from_utf8(data.data) else {
        v.add(Check::failed(
            ID,
            Verdict::Error,
            detail!("the enveloped {media} is not UTF-8 text", media = code(media)),
        ));
        return;
    };
    match model::classify_jws(&compact) {
        Ok(BadgeDoc::Ob3Jwt {
            jws,
            compact,
            claims,
            credential,
        }) => {
            v.add(if draft {
                Check::warning(
                    ID,
                    detail!(
                        "enveloped `vc+jwt` read from its `data:` URL, under the draft media type {media} (the VC-JOSE-COSE Recommendation names it {name})",
                        media = code(media),
                        name = code(VC_JWT)
                    ),
                )
            } else {
                Check::passed(ID, detail!("enveloped `vc+jwt` read from its `data:` URL"))
            });
            verify_jwt(v, &jws, &compact, claims, credential, true).await;
        }
        Ok(_) => v.add(Check::failed(
            ID,
            Verdict::Invalid,
            detail!(
                "the enveloped {media} does not hold a Verifiable Credential",
                media = code(media)
            ),
        )),
        Err(e @ ClassifyError::DuplicateKey(_)) => v.add(Check::failed(
            ID,
            Verdict::Invalid,
            detail!(
                "the enveloped {media}: {why}",
                media = code(media),
                why = cause(e.detail())
            ),
        )),
        Err(e) => v.add(Check::failed(
            ID,
            Verdict::Error,
            detail!(
                "the enveloped {media} cannot be read: {why}",
                media = code(media),
                why = cause(e.detail())
            ),
        )),
    }
}
