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
use crate::extract::pdf::{Item, ItemKind, Scan};
use crate::extract::{self, Payload};
use crate::limits::Limits;
use crate::report::{FoundAt, FoundKind, Report};
use crate::resolve::fetch::Fetcher;
use crate::trust;
use base64::Engine;

const FOUND: CheckId = CheckId::Found;

/// The scan of a PDF: read here (feature `pdf`) or by the on-demand module; `None` when that
/// module is not loaded.
fn read(bytes: &[u8], limits: &Limits) -> Option<Result<Scan, String>> {
    #[cfg(feature = "pdf")]
    {
        Some(extract::pdf::scan(bytes, limits))
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = limits; // the module reads with the default limits
        crate::platform::offloaded_scan_pdf(bytes).map(|r| r.and_then(|j| Scan::from_wire(&j)))
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
                "PDF files are read by the document reader, which this page loads on demand",
            ))
        }
    };
    for note in &scan.notes {
        v.add(Check::warning(FOUND, note.clone()));
    }
    if scan.items.is_empty() {
        let pages = scan.pages_scanned;
        return v.add(Check::failed(
            FOUND,
            Verdict::Error,
            format!(
                "no links or attached badges in this PDF ({pages} page{} searched)",
                plural(pages as usize)
            ),
        ));
    }
    v.add(Check::passed(FOUND, found_detail(&scan)));

    let max = v.opts.limits.max_nested_credentials;
    let total = scan.items.len();
    if total > max {
        v.add(Check::unverifiable(
            CheckId::NestedCredential,
            format!("{total} links, URLs and attachments; only the first {max} are verified (the limit for one input), so the whole cannot be called valid"),
        ));
    }
    let (mut not_badges, mut unreached, mut badges) = (0usize, 0usize, 0usize);
    for (i, item) in scan.items.into_iter().take(max).enumerate() {
        if v.budget.past_deadline(v.fetcher.now_ms()) {
            let exceeded = v.budget.deadline_reached();
            v.add(Check::unverifiable(
                CheckId::NestedCredential,
                format!(
                    "{exceeded}: items {} to {} of the PDF were not verified",
                    i + 1,
                    total.min(max)
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
            format!(
                "{not_badges} of the links, URLs and files found {} not a badge (each has its own report)",
                if not_badges == 1 { "is" } else { "are" }
            ),
        ));
    }
    if unreached > 0 {
        let what = format!(
            "{unreached} link{} could not be verified (each has its own report)",
            plural(unreached)
        );
        // A link that could not be read may be a badge (a forged one on a server that blocks
        // the browser, a revoked one): the PDF as a whole cannot be called valid, whatever the
        // badges that were read say. Each of those keeps its own verdict in its own report.
        v.add(Check::unverifiable(
            CheckId::NestedCredential,
            if badges == 0 {
                format!("no badge could be read: {what}")
            } else {
                format!("{what}: a badge behind one would not be verified")
            },
        ));
    }
    if badges == 0 && unreached == 0 {
        v.add(Check::failed(
            FOUND,
            Verdict::Error,
            "none of the links, URLs and files in this PDF is a badge",
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
        return Report::error(name, CheckId::Extract, e.clone());
    }
    let bytes = match base64::engine::general_purpose::STANDARD
        .decode(item.data.as_deref().unwrap_or_default())
    {
        Ok(b) => b,
        Err(e) => {
            return Report::error(
                name,
                CheckId::Extract,
                format!("the attached file is not readable: {e}"),
            )
        }
    };
    match extract::extract(&bytes, &v.opts.limits) {
        Ok(found) => verify_nested(v, name, found.payload).await,
        Err(e) => Report::error(name, CheckId::Extract, e.to_string()),
    }
}

/// "2 links, 1 URL in the text and 1 attached file on 2 of 3 pages".
fn found_detail(scan: &Scan) -> String {
    let count = |k: ItemKind| scan.items.iter().filter(|i| i.kind == k).count();
    let mut parts = Vec::new();
    for (k, one, many) in [
        (ItemKind::Link, "link", "links"),
        (ItemKind::Text, "URL in the text", "URLs in the text"),
        (ItemKind::Attachment, "attached file", "attached files"),
    ] {
        match count(k) {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    let list = match parts.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    let mut pages: Vec<u32> = scan.items.iter().filter_map(|i| i.page).collect();
    pages.sort_unstable();
    pages.dedup();
    let on = match pages.len() {
        0 => "in the document".to_string(),
        n => format!(
            "on {n} of {} page{}",
            scan.pages,
            plural(scan.pages as usize)
        ),
    };
    format!("found {list} {on}")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
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
