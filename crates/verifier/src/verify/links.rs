//! Badge platforms' links (issue #17): a page the table of `resolve::platforms` recognises is
//! verified through the badge's own data; an earner's profile through the list of their public
//! badges, each its own nested report.

use super::nested::{verify_found, Found};
use super::Verification;
use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, count, text, url as link};
use crate::extract::Payload;
use crate::report::{BadgeDisplay, LinkResolution};
use crate::resolve::fetch::{FetchPurpose, Fetcher};
use crate::resolve::platforms::{self, PlatformLink};

/// The URL to fetch for `url`: the badge's assertion when `url` is a platform's badge page
/// (with the `link` check and [`LinkResolution`] said), `url` itself when the table does not
/// know it, or `None` when it was verified here (an earner's list of badges).
pub(crate) async fn platform_link<F: Fetcher>(
    v: &mut Verification<'_, F>,
    url: &str,
) -> Option<String> {
    let recognised = platforms::recognise(url).map(|link| match &v.opts.platform_origin {
        Some(origin) if v.opts.allow_http => platforms::served_from(link, origin),
        _ => link,
    });
    match recognised {
        None => Some(url.to_string()),
        Some(PlatformLink::Badge {
            platform,
            site,
            assertion,
        }) => {
            v.add(Check::passed(
                CheckId::Link,
                detail!(
                    "{site} badge page → verified {assertion}",
                    site = text(site),
                    assertion = link(assertion.clone())
                ),
            ));
            v.link = Some(LinkResolution {
                platform: platform.into(),
                page: url.into(),
                verified: assertion.clone(),
            });
            Some(assertion)
        }
        Some(PlatformLink::Earner {
            platform,
            site,
            user,
            list,
        }) => {
            earner_list(v, url, platform, site, &user, &list).await;
            None
        }
    }
}

/// An earner's public badges (shared/CREDLY.md: `…/users/<name>/badges.json`, a `data` array of
/// badges with their `id`s): each badge's assertion verified as its own nested report. What
/// cannot be read is said plainly; no badge is ever made up.
async fn earner_list<F: Fetcher>(
    v: &mut Verification<'_, F>,
    page: &str,
    platform: &str,
    site: &str,
    user: &str,
    list: &str,
) {
    v.format = Some(Format::BadgeList);
    v.link = Some(LinkResolution {
        platform: platform.into(),
        page: page.into(),
        verified: list.into(),
    });
    v.badge = Some(BadgeDisplay {
        name: Some(format!("{user}'s badges on {site}")),
        ..Default::default()
    });
    v.add(Check::passed(
        CheckId::Link,
        detail!(
            "{site} profile of {user} → verified each badge of {list}",
            site = text(site),
            user = text(user),
            list = link(list)
        ),
    ));
    let resp = match v.fetch(list, FetchPurpose::Badge).await {
        Ok(r) => r,
        Err(e) => {
            v.add(Check::unverifiable(
                CheckId::Fetch,
                detail!(
                    "could not fetch {user}'s list of badges {list}: {why}",
                    user = text(user),
                    list = link(list),
                    why = cause(e.to_string())
                ),
            ));
            return;
        }
    };
    if !resp.is_success() {
        v.add(Check::unverifiable(
            CheckId::Fetch,
            if resp.status == 404 {
                detail!(
                    "{list} answered HTTP 404: there is no such profile, or it is not public",
                    list = link(list)
                )
            } else {
                detail!(
                    "{list} answered HTTP {status}",
                    list = link(list),
                    status = count(resp.status)
                )
            },
        ));
        return;
    }
    let max = v.opts.limits.max_nested_credentials;
    let (entries, total) = match platforms::credly_list(&resp.body, max) {
        Ok(read) => read,
        Err(why) => {
            v.add(Check::failed(
                CheckId::Format,
                Verdict::Error,
                detail!(
                    "{list}: {why}; no badge was read from it",
                    list = link(list),
                    why = cause(why)
                ),
            ));
            return;
        }
    };
    let items = entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| match entry {
            Ok(assertion) => Found {
                name: assertion.clone(),
                payload: Ok(Payload::Url(assertion)),
                found_at: None,
                optional: false,
            },
            Err(why) => Found {
                name: format!("{list} data[{i}]"),
                payload: Err(why.into()),
                found_at: None,
                optional: false,
            },
        })
        .collect();
    let what = detail!("{user}'s list of badges", user = text(user));
    verify_found(v, items, total, what).await;
}
