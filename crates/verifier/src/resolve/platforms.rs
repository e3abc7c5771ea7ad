//! Badge platforms' links → the badge's own data (issue #17): a small table of URL shapes.
//!
//! A person shares the platform's page (`https://www.credly.com/badges/<uuid>`), not the
//! assertion; the page is HTML for people. The table maps the page to the public Open Badges
//! 2.0 hosted assertion, which is then verified by the ordinary hosted rules (its `id` is the
//! URL fetched, BadgeClass and Issuer on their origins, 410 Gone → revoked).
//!
//! Only shapes documented or observed in public are listed. Credly (formerly Acclaim): observed
//! behaviour gathered in `shared/CREDLY.md` (Credly documents its partner API, not these public
//! endpoints); copied with provenance into `tests/fixtures/platforms/README.md`. Badgr / Canvas
//! Credentials, Open Badge Factory and Accredible are not listed: no public documentation of
//! their public assertion URLs was found (their hosted assertions are ordinary OB 2.0 / OB 3.0
//! URLs, verified as any other URL, and their pages are searched like any other web page).

use super::weburl::WebUrl;
use crate::detail;
use crate::detail::Detail;

/// What a recognised link stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformLink {
    /// One badge's page: verify `assertion` in its place.
    Badge {
        /// The platform, as the report names it (`Credly`).
        platform: &'static str,
        /// The site the page is on, for the report's sentence (`credly.com`).
        site: &'static str,
        /// The public OB 2.0 hosted assertion.
        assertion: String,
    },
    /// An earner's public profile: `list` is the JSON list of their public badges.
    Earner {
        /// The platform, as the report names it (`Credly`).
        platform: &'static str,
        /// The site the page is on (`credly.com`).
        site: &'static str,
        /// The earner's user name on the platform.
        user: String,
        /// The URL of the JSON list of their public badges.
        list: String,
    },
}

/// Credly's public OB 2.0 hosted assertion for a badge id (shared/CREDLY.md: unauthenticated;
/// 404 for an unknown or private id, 410 Gone for a revoked badge).
pub fn credly_assertion_url(uuid: &str) -> String {
    format!("https://api.credly.com/v1/obi/v2/badge_assertions/{uuid}")
}

/// Hosts of Credly badge pages: credly.com and its former name, Acclaim (youracclaim.com),
/// with or without `www.`; exact names only (no look-alikes such as `credly.com.evil.example`).
const CREDLY_HOSTS: &[(&str, &str)] = &[
    ("www.credly.com", "credly.com"),
    ("credly.com", "credly.com"),
    ("www.youracclaim.com", "youracclaim.com"),
    ("youracclaim.com", "youracclaim.com"),
];

/// Recognises a badge platform's page. `None` for any other URL (it is fetched as it is).
/// http and https are both recognised: nothing is fetched from the page itself, only from the
/// fixed https URL the table names.
pub fn recognise(raw: &str) -> Option<PlatformLink> {
    let url = WebUrl::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.port().is_some() {
        return None;
    }
    let host = url.host_str()?;
    let &(_, site) = CREDLY_HOSTS.iter().find(|(h, _)| *h == host)?;
    // The serialized URL is `scheme://host/path…`; anything else there (user info, a port)
    // makes it another URL than the table's.
    let rest = url
        .as_str()
        .strip_prefix(url.scheme())?
        .strip_prefix("://")?
        .strip_prefix(host)?;
    let path = rest.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.strip_prefix('/')?.split('/');
    match (segments.next(), segments.next()) {
        // `/badges/<uuid>` with any suffix: `/public_url`, `/linked_in_profile`, `/`.
        (Some("badges"), Some(id)) => Some(PlatformLink::Badge {
            platform: "Credly",
            site,
            assertion: credly_assertion_url(&uuid(id)?),
        }),
        // `/users/<username>`, optionally `/badges` (shared/CREDLY.md): credly.com only.
        (Some("users"), Some(user)) if site == "credly.com" && username(user) => {
            let tail: Vec<&str> = segments.collect();
            if !matches!(tail.as_slice(), [] | [""] | ["badges"] | ["badges", ""]) {
                return None;
            }
            Some(PlatformLink::Earner {
                platform: "Credly",
                site,
                user: user.to_string(),
                list: format!("https://www.credly.com/users/{user}/badges.json"),
            })
        }
        _ => None,
    }
}

/// The same link with the platform's origins (`https://api.credly.com`,
/// `https://www.credly.com`) replaced by `origin`: tests only (`Options::platform_origin`,
/// with `allow_http`), so that a server on 127.0.0.1 answers as the platform would.
pub fn served_from(link: PlatformLink, origin: &str) -> PlatformLink {
    let origin = origin.trim_end_matches('/');
    let moved = |url: String| {
        ["https://api.credly.com", "https://www.credly.com"]
            .iter()
            .find_map(|o| url.strip_prefix(o).map(|rest| format!("{origin}{rest}")))
            .unwrap_or(url)
    };
    match link {
        PlatformLink::Badge {
            platform,
            site,
            assertion,
        } => PlatformLink::Badge {
            platform,
            site,
            assertion: moved(assertion),
        },
        PlatformLink::Earner {
            platform,
            site,
            user,
            list,
        } => PlatformLink::Earner {
            platform,
            site,
            user,
            list: moved(list),
        },
    }
}

/// A UUID, strictly `8-4-4-4-12` hexadecimal digits, lower-cased.
pub fn uuid(s: &str) -> Option<String> {
    let groups: Vec<&str> = s.split('-').collect();
    let shape = groups.iter().map(|g| g.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12];
    (shape && s.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit())).then(|| s.to_ascii_lowercase())
}

/// A profile name as Credly's profile URLs show them: letters, digits, `-`, `_` and `.`
/// (`jane-doe.3f1a2b`), at most 100 characters; nothing that would change the list's URL.
fn username(s: &str) -> bool {
    (1..=100).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && s.bytes().any(|b| b.is_ascii_alphanumeric())
}

/// Reads an earner's badge list (shared/CREDLY.md: a JSON object whose `data` array holds the
/// badges, each with an `id` UUID): the entries' assertion URLs in order (`Err` with the reason
/// for one whose id is not a UUID), at most `max`, and how many entries there were. `Err` says
/// why it is not such a list.
#[allow(clippy::type_complexity)]
pub fn credly_list(
    body: &[u8],
    max: usize,
) -> Result<(Vec<Result<String, Detail>>, usize), Detail> {
    use crate::detail::{count, text};
    // serde_json's own message is English: only where it stopped is said.
    let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        detail!(
            "the badge list is not JSON (line {line}, column {column})",
            line = count(e.line()),
            column = count(e.column())
        )
    })?;
    let data = v
        .as_object()
        .ok_or_else(|| detail!("the badge list is not a JSON object"))?
        .get("data")
        .ok_or_else(|| detail!("the badge list has no \"`data`\" member"))?
        .as_array()
        .ok_or_else(|| detail!("the badge list's \"`data`\" is not an array"))?;
    let entries = data
        .iter()
        .take(max)
        .map(|e| match e.get("id").and_then(|id| id.as_str()) {
            Some(id) => uuid(id).map(|u| credly_assertion_url(&u)).ok_or_else(|| {
                detail!(
                    "the entry's id {id} is not a badge id (a UUID)",
                    id = text(format!("{:?}", short(id)))
                )
            }),
            None => Err(detail!("the entry has no \"`id`\" string")),
        })
        .collect();
    Ok((entries, data.len()))
}

/// At most 60 characters of untrusted text, for a message.
fn short(s: &str) -> String {
    s.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_strict() {
        assert_eq!(
            uuid("0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0").as_deref(),
            Some("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
        );
        for bad in [
            "",
            "0f1e2d3c4b5a697887 96a5b4c3d2e1f0",
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f",
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0a",
            "0f1e2d3g-4b5a-6978-8796-a5b4c3d2e1f0",
            "0f1e2d3c_4b5a-6978-8796-a5b4c3d2e1f0",
            "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-",
            "+f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        ] {
            assert_eq!(uuid(bad), None, "{bad}");
        }
    }

    #[test]
    fn usernames() {
        assert!(username("jane-doe.3f1a2b"));
        assert!(!username(".."));
        assert!(!username("a%2Fb"));
        assert!(!username(&"a".repeat(101)));
    }
}
