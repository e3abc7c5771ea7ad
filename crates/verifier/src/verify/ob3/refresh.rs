//! `refreshService` (OB 3.0 verification.md step 3, `1EdTechCredentialRefresh` [VCCR-10]).
//!
//! The verifier does not refresh: a refreshed credential would replace what the user gave, and
//! the spec's refresh needs the holder's authorization. The offer is shown (with its URL) so the
//! user can fetch a newer copy; the result is always for the credential as given.

use crate::check::{Check, CheckId};
use crate::detail;
use crate::detail::{code, url};
use crate::model::json::{each, id_of, strings};
use serde_json::Value;

const ID: CheckId = CheckId::Refresh;

/// The `refresh` checks for credential `c` (none when it offers no refresh).
pub fn checks(c: &Value) -> Vec<Check> {
    each(c.get("refreshService"))
        .into_iter()
        .map(|r| {
            let types = strings(r.get("type"));
            let at = id_of(Some(r));
            if types.iter().any(|t| t == "1EdTechCredentialRefresh") {
                Check::warning(
                    ID,
                    match at {
                        Some(u) => detail!(
                            "the issuer offers a refreshed version of this credential at {url} (`1EdTechCredentialRefresh`); it was not fetched: this result is for the credential as given",
                            url = url(u)
                        ),
                        None => detail!(
                            "the issuer offers a refreshed version of this credential (`1EdTechCredentialRefresh`, with no `id`); it was not fetched: this result is for the credential as given"
                        ),
                    },
                )
            } else {
                let types = code(if types.is_empty() {
                    "(none)".to_string()
                } else {
                    types.join(", ")
                });
                Check::not_checked(
                    ID,
                    match at {
                        Some(u) => detail!(
                            "`refreshService` of type {types} at {url} is not supported; the credential was verified as given",
                            types = types,
                            url = url(u)
                        ),
                        None => detail!(
                            "`refreshService` of type {types} (with no `id`) is not supported; the credential was verified as given",
                            types = types
                        ),
                    },
                )
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Outcome;
    use serde_json::json;

    #[test]
    fn offers_the_url_and_never_refreshes() {
        let c = json!({"refreshService":{"id":"https://i.example/refresh/1","type":"1EdTechCredentialRefresh"}});
        let r = checks(&c);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].outcome, Outcome::Warning);
        assert!(r[0].detail.contains("https://i.example/refresh/1"));
        assert!(r[0].effect.is_none());
        let other =
            json!({"refreshService":[{"id":"https://x","type":"ManualRefreshService2018"}]});
        assert_eq!(checks(&other)[0].outcome, Outcome::NotChecked);
        assert!(checks(&json!({})).is_empty());
    }
}
