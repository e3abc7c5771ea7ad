//! A photo or scan of a printed certificate (issue #17): a PNG without a badge chunk, or a JPEG.
//! Each QR code in it is verified as its own nested report (a URL fetched, a JWT or JSON read,
//! anything else an error of its own), and the picture's verdict is the worst of theirs.

use super::{verify_nested, Verification};
use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, count, text};
use crate::extract::qr::{self, Scan};
use crate::extract::{detect, ExtractError};
use crate::report::{FoundAt, FoundKind, Report};
use crate::resolve::fetch::Fetcher;
use crate::trust;

/// Whether an input that carries no baked badge is a picture to scan for QR codes.
pub(crate) fn is_picture(bytes: &[u8], e: &ExtractError) -> bool {
    matches!(
        e,
        ExtractError::NoBadgeInImage { .. } | ExtractError::NotABadge { .. }
    ) && detect::image_to_scan(bytes).is_some()
}

/// Scans the picture and verifies every QR code in it. `no_badge` is why extraction found no
/// baked badge (kept in the report: the precise reason when there is no QR code either).
pub(crate) async fn verify_picture<F: Fetcher>(
    v: &mut Verification<'_, F>,
    bytes: &[u8],
    no_badge: &ExtractError,
) {
    v.format = Some(Format::QrImage);
    let codes = match qr::scan_image(bytes) {
        Scan::Codes(codes) if !codes.is_empty() => codes,
        Scan::Codes(_) => {
            v.add(Check::failed(
                CheckId::Found,
                Verdict::Error,
                detail!(
                    "no badge data and no QR code in this image: {why}",
                    why = cause(no_badge.detail())
                ),
            ));
            v.add(Check::failed(
                CheckId::Extract,
                Verdict::Error,
                no_badge.detail(),
            ));
            return;
        }
        Scan::NeedsFullVerifier => {
            v.add(Check::not_applicable(CheckId::Extract, no_badge.detail()));
            v.add(Check::unverifiable(
                CheckId::DocumentReader,
                detail!(
                    "QR codes are read by the document reader, which this page loads on demand"
                ),
            ));
            return;
        }
        Scan::Unreadable(why) => {
            v.add(Check::failed(
                CheckId::Found,
                Verdict::Error,
                detail!(
                    "no badge data and no readable QR code in this image: {why}; {unreadable}",
                    why = cause(no_badge.detail()),
                    unreadable = cause(why)
                ),
            ));
            v.add(Check::failed(
                CheckId::Extract,
                Verdict::Error,
                no_badge.detail(),
            ));
            return;
        }
    };
    let n = codes.len();
    let found = if n >= qr::MAX_CODES {
        detail!(
            "{n} QR codes found (at most {max} are read)",
            n = count(n),
            max = count(qr::MAX_CODES)
        )
    } else if n == 1 {
        detail!("1 QR code found")
    } else {
        detail!("{n} QR codes found", n = count(n))
    };
    v.add(Check::passed(CheckId::Found, found));
    v.add(Check::not_applicable(
        CheckId::Extract,
        detail!(
            "{why}: its QR codes are verified instead",
            why = cause(no_badge.detail())
        ),
    ));
    let mut verdicts = Vec::with_capacity(n);
    for (i, text) in codes.into_iter().enumerate() {
        let name = format!("QR code {}", i + 1);
        // No verification starts after the input's deadline (the rest is reported).
        if v.budget.past_deadline(v.fetcher.now_ms()) {
            let exceeded = v.budget.deadline_reached();
            v.add(Check::unverifiable(
                CheckId::NestedCredential,
                detail!(
                    "{exceeded}: QR codes {from} to {n} were not verified",
                    exceeded = cause(exceeded.to_string()),
                    from = count(i + 1),
                    n = count(n)
                ),
            ));
            verdicts.push((Verdict::Unverifiable, false));
            break;
        }
        let report = match detect::classify_text(&text, &v.opts.limits) {
            Ok(payload) => verify_nested(v, name, payload).await,
            Err(e) => Report::error(
                name,
                CheckId::Extract,
                detail!(
                    "this QR code holds no badge ({why})",
                    why = cause(e.detail())
                ),
            ),
        };
        let report = Report {
            found_at: Some(FoundAt {
                page: None,
                kind: FoundKind::QrCode,
                name: None,
            }),
            ..report
        };
        v.add(outcome(i, &report));
        verdicts.push((report.verdict, report.issued_by.is_some()));
        v.nested.push(report);
    }
    // Like a presentation, a picture stands only on what it holds: `valid` only when every
    // code is a valid badge with its issuer established (the fact the report's `issued_by`
    // carries says each stands on its own).
    if let Some(issued) = trust::presented(None, None, &verdicts) {
        v.establish(issued);
    }
}

/// A code's verdict, seen from the picture: the picture is exactly as good as its worst code
/// (a code that holds no badge is an `error`, as a picture without any would be).
fn outcome(i: usize, r: &Report) -> Check {
    let what = match r.badge.as_ref().and_then(|b| b.name.as_deref()) {
        Some(name) => detail!("QR code {i} ({name})", i = count(i + 1), name = text(name)),
        None => detail!("QR code {i}", i = count(i + 1)),
    };
    super::nested::outcome_named(what, r, Verdict::Error)
}

#[cfg(all(test, not(feature = "qr")))]
mod tests {
    use crate::check::{CheckId, Format, Verdict};
    use crate::verify::{verify, Input, Options};
    use crate::MemoryFetcher;

    #[test]
    fn the_first_load_leaves_qr_codes_to_the_full_verifier() {
        let input = Input::Bytes {
            name: "photo.jpg".into(),
            bytes: b"\xFF\xD8\xFF\xE0 a photo".to_vec(),
        };
        let at = "2026-06-01T00:00:00Z".parse().unwrap();
        let r =
            futures::executor::block_on(verify(&input, &MemoryFetcher::new(), &Options::at(at)));
        assert_eq!(r.verdict, Verdict::Unverifiable, "{:#?}", r.checks);
        assert_eq!(r.format, Some(Format::QrImage));
        assert!(r.checks.iter().any(|c| c.id == CheckId::DocumentReader
            && c.detail
                .contains("QR codes are read by the document reader")));
    }
}
