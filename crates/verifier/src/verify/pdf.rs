//! A PDF (a résumé, issue #17): every link annotation, every http(s) URL in its text and every
//! attached file is verified as its own nested report ([`verify_nested`], the input's budget),
//! with where it was found ([`FoundAt`]: page, kind, file name). A URL found twice is verified
//! once, for its first page. What is read and what is not: `extract::pdf`.
//!
//! The PDF's own verdict:
//! - a `found` check says what was found on how many pages; nothing found is `error` ("no
//!   links or attached badges in this PDF"), as is a PDF that cannot be read (damaged,
//!   encrypted);
//! - the reports that were read as a badge or credential (they have a format) count, each
//!   through one `nested-credential` check with its own verdict ([`nested::outcome`]): the
//!   worst decides, and the PDF is valid only when every one is valid with its issuer
//!   established (`trust::presented`, as for a presentation);
//! - links and files that are not badges (a home page, a photo) keep their own `error`
//!   report and do not count against the PDF (one `not-applicable` check counts them); links
//!   that could not be fetched keep their own report and one warning says so, since a badge
//!   behind them is not verified;
//! - when no report is a badge: `unverifiable` if some link could not be fetched, else `error`.
//!
//! Without feature `pdf` (the app's first load) the PDF is read by the on-demand module
//! (`platform::offloaded_scan_pdf`); when it is not loaded, one `document-reader` check says so.

use super::{nested, verify_nested, Verification};
use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, count, Detail};
use crate::extract::pdf::{Item, ItemKind, Scan, ScanError};
use crate::extract::{self, Payload};
use crate::limits::Limits;
use crate::report::{FoundAt, FoundKind, Report};
use crate::resolve::fetch::Fetcher;
use crate::trust;
use base64::Engine;

const FOUND: CheckId = CheckId::Found;

/// The scan of a PDF: read here (feature `pdf`) or by the on-demand module; `None` when that
/// module is not loaded.
fn read(bytes: &[u8], limits: &Limits) -> Option<Result<Scan, Detail>> {
    #[cfg(feature = "pdf")]
    {
        Some(extract::pdf::scan(bytes, limits).map_err(|e| ScanError::detail_of(&e)))
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = limits; // the module reads with the default limits
        crate::platform::offloaded_scan_pdf(bytes).map(|r| {
            r.map_err(|e| ScanError::detail_of(&e))
                .and_then(|j| Scan::from_wire(&j))
        })
    }
}

pub(crate) async fn verify_pdf<F: Fetcher>(v: &mut Verification<'_, F>, bytes: &[u8]) {
    v.format = Some(Format::Pdf);
    v.expert.source = Some("PDF".into());
    let scan = match read(bytes, &v.opts.limits) {
        Some(Ok(scan)) => scan,
        Some(Err(e)) => return v.add(Check::failed(FOUND, Verdict::Error, e)),
        None => {
            return v.add(Check::unverifiable(
                CheckId::DocumentReader,
                detail!(
                    "PDF files are read by the document reader, which this page loads on demand"
                ),
            ))
        }
    };
    for note in &scan.notes {
        v.add(Check::warning(FOUND, note.detail()));
    }
    if scan.items.is_empty() {
        let pages = scan.pages_scanned;
        return v.add(Check::failed(
            FOUND,
            Verdict::Error,
            if pages == 1 {
                detail!("no links or attached badges in this PDF (1 page searched)")
            } else {
                detail!(
                    "no links or attached badges in this PDF ({pages} pages searched)",
                    pages = count(pages)
                )
            },
        ));
    }
    v.add(Check::passed(FOUND, found_detail(&scan)));

    let max = v.opts.limits.max_nested_credentials;
    let total = scan.items.len();
    if total > max {
        v.add(Check::unverifiable(
            CheckId::NestedCredential,
            detail!(
                "{total} links, URLs and attachments; only the first {max} are verified (the limit for one input), so the whole cannot be called valid",
                total = count(total),
                max = count(max)
            ),
        ));
    }
    let (mut not_badges, mut unreached, mut badges) = (0usize, 0usize, 0usize);
    for (i, item) in scan.items.into_iter().take(max).enumerate() {
        if v.budget.past_deadline(v.fetcher.now_ms()) {
            let exceeded = v.budget.deadline_reached();
            v.add(Check::unverifiable(
                CheckId::NestedCredential,
                detail!(
                    "{exceeded}: items {from} to {to} of the PDF were not verified",
                    exceeded = cause(exceeded.to_string()),
                    from = count(i + 1),
                    to = count(total.min(max))
                ),
            ));
            break;
        }
        let mut report = verify_item(v, &item).await;
        report.found_at = Some(FoundAt {
            page: item.page,
            kind: match item.kind {
                ItemKind::Link => FoundKind::Link,
                ItemKind::Text => FoundKind::Text,
                ItemKind::Attachment => FoundKind::Attachment,
            },
            name: item.name.clone(),
        });
        if report.format.is_some() {
            v.add(nested::outcome(badges, &report));
            badges += 1;
        } else if report.verdict == Verdict::Error {
            not_badges += 1;
        } else {
            unreached += 1;
        }
        v.nested.push(report);
    }
    if not_badges > 0 {
        v.add(Check::not_applicable(
            CheckId::NestedCredential,
            if not_badges == 1 {
                detail!("1 of the links, URLs and files found is not a badge (each has its own report)")
            } else {
                detail!(
                    "{n} of the links, URLs and files found are not a badge (each has its own report)",
                    n = count(not_badges)
                )
            },
        ));
    }
    if unreached > 0 {
        let what = if unreached == 1 {
            detail!("1 link could not be verified (each has its own report)")
        } else {
            detail!(
                "{n} links could not be verified (each has its own report)",
                n = count(unreached)
            )
        };
        // A link that could not be read may be a badge (a forged one on a server that blocks
        // the browser, a revoked one): the PDF as a whole cannot be called valid, whatever the
        // badges that were read say. Each of those keeps its own verdict in its own report.
        v.add(Check::unverifiable(
            CheckId::NestedCredential,
            if badges == 0 {
                detail!("no badge could be read: {what}", what = cause(what))
            } else {
                detail!(
                    "{what}: a badge behind one would not be verified",
                    what = cause(what)
                )
            },
        ));
    }
    if badges == 0 && unreached == 0 {
        v.add(Check::failed(
            FOUND,
            Verdict::Error,
            detail!("none of the links, URLs and files in this PDF is a badge"),
        ));
    }
    let verdicts: Vec<(Verdict, bool)> = v
        .nested
        .iter()
        .filter(|r| r.format.is_some())
        .map(|r| (r.verdict, r.issued_by.is_some()))
        .collect();
    if let Some(issued) = trust::presented(None, None, &verdicts) {
        v.establish(issued);
    }
}

/// One found item's own report, named by its URL or file name.
async fn verify_item<F: Fetcher>(v: &Verification<'_, F>, item: &Item) -> Report {
    if let Some(url) = &item.url {
        return verify_nested(v, url.clone(), Payload::Url(url.clone())).await;
    }
    let name = item
        .name
        .clone()
        .unwrap_or_else(|| "attached file".to_string());
    if let Some(e) = &item.error {
        return Report::error(name, CheckId::Extract, e.detail());
    }
    let bytes = match base64::engine::general_purpose::STANDARD
        .decode(item.data.as_deref().unwrap_or_default())
    {
        Ok(b) => b,
        Err(_) => {
            return Report::error(
                name,
                CheckId::Extract,
                detail!("the attached file is not readable"),
            )
        }
    };
    match extract::extract(&bytes, &v.opts.limits) {
        Ok(found) => verify_nested(v, name, found.payload).await,
        Err(e) => Report::error(name, CheckId::Extract, e.detail()),
    }
}

/// "2 links, 1 URL in the text and 1 attached file on 2 of 3 pages".
fn found_detail(scan: &Scan) -> Detail {
    let how_many = |k: ItemKind| scan.items.iter().filter(|i| i.kind == k).count();
    let mut parts = Vec::new();
    for k in [ItemKind::Link, ItemKind::Text, ItemKind::Attachment] {
        let n = how_many(k);
        let part = match (k, n) {
            (_, 0) => continue,
            (ItemKind::Link, 1) => detail!("1 link"),
            (ItemKind::Link, n) => detail!("{n} links", n = count(n)),
            (ItemKind::Text, 1) => detail!("1 URL in the text"),
            (ItemKind::Text, n) => detail!("{n} URLs in the text", n = count(n)),
            (ItemKind::Attachment, 1) => detail!("1 attached file"),
            (ItemKind::Attachment, n) => detail!("{n} attached files", n = count(n)),
        };
        parts.push(part);
    }
    let items = match parts.as_slice() {
        [a] => a.clone(),
        [a, b] => detail!("{a} and {b}", a = cause(a.clone()), b = cause(b.clone())),
        [a, b, c] => detail!(
            "{a}, {b} and {c}",
            a = cause(a.clone()),
            b = cause(b.clone()),
            c = cause(c.clone())
        ),
        _ => detail!("nothing"),
    };
    let mut pages: Vec<u32> = scan.items.iter().filter_map(|i| i.page).collect();
    pages.sort_unstable();
    pages.dedup();
    let on = match pages.len() {
        0 => detail!("in the document"),
        n if scan.pages == 1 => detail!("on {n} of 1 page", n = count(n)),
        n => detail!(
            "on {n} of {pages} pages",
            n = count(n),
            pages = count(scan.pages)
        ),
    };
    detail!("found {items} {on}", items = cause(items), on = cause(on))
}

/// The app's first load (no `pdf`): without the on-demand module a PDF is not read, and the
/// report says which check needs it, so the app loads the module and verifies again.
#[cfg(all(test, not(feature = "pdf")))]
mod tests {
    use crate::{verify, Input, MemoryFetcher, Options, Verdict};

    #[test]
    fn without_the_module_a_pdf_needs_the_full_verifier() {
        let input = Input::Bytes {
            name: "resume.pdf".into(),
            bytes: b"%PDF-1.7\n%%EOF\n".to_vec(),
        };
        let opts = Options::at("2026-01-01T00:00:00Z".parse().unwrap());
        let r = futures::executor::block_on(verify(&input, &MemoryFetcher::new(), &opts));
        assert_eq!(r.verdict, Verdict::Unverifiable);
        assert_eq!(r.format, Some(crate::Format::Pdf));
        assert_eq!(r.checks.len(), 1);
        assert_eq!(r.checks[0].id, crate::check::CheckId::DocumentReader);
        assert!(r.summary.contains("loads on demand"), "{}", r.summary);
    }
}
