//! Bounds on work done for untrusted input. Every limit has a specific error where it is hit.

use std::cell::Cell;

/// The default for [`Limits::max_json_depth`], also the bound where a reader has no
/// [`Limits`] at hand (a JWS header and payload, a did:jwk's JWK).
pub const MAX_JSON_DEPTH: usize = 64;

/// Size and depth limits for one verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Largest input file accepted.
    pub max_input_bytes: usize,
    /// Largest embedded payload (JSON/JWS/URL text).
    pub max_payload_bytes: usize,
    /// Deepest JSON nesting accepted.
    pub max_json_depth: usize,
    /// Deepest SVG element nesting accepted.
    pub max_xml_depth: usize,
    /// Largest SVG document parsed (an SVG is text: a big one is unusual and slow to scan).
    pub max_svg_bytes: usize,
    /// How many documents one input may fetch, counting every sub-verification (status lists,
    /// endorsements, the keys and profiles their proofs need). See [`Budget`].
    pub max_fetches: usize,
    /// How many response body bytes one input may fetch in total. See [`Budget`].
    pub max_fetched_bytes: usize,
    /// How long one input may take, in milliseconds, from its start to its last fetch: a fetch
    /// is not started after it and one in flight gets only the time left. See [`Budget`].
    pub deadline_ms: u64,
    /// How many credentials inside one document are verified (a CLR's achievement
    /// credentials, a presentation's credentials; issue #16). Each is a verification of its
    /// own, within the input's budget; those past this many are reported, not verified.
    pub max_nested_credentials: usize,
    /// How many pages of a PDF are searched for links, URLs and attached files (issue #17).
    pub max_pdf_pages: usize,
    /// How many links, URLs and attachments one PDF may list (the first
    /// [`Limits::max_nested_credentials`] are verified); the rest are counted, not kept.
    pub max_pdf_found: usize,
    /// How many bytes a PDF's content streams and attached files may decode to, in all (a
    /// FlateDecode bomb stops here); one attached file at most [`Limits::max_payload_bytes`].
    pub max_pdf_decoded_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_payload_bytes: 4 * 1024 * 1024,
            max_json_depth: MAX_JSON_DEPTH,
            max_xml_depth: 256,
            max_svg_bytes: 16 * 1024 * 1024,
            max_fetches: 32,
            max_fetched_bytes: 32 * 1024 * 1024,
            deadline_ms: 30_000,
            max_nested_credentials: 100,
            max_pdf_pages: 100,
            max_pdf_found: 1000,
            max_pdf_decoded_bytes: 32 * 1024 * 1024,
        }
    }
}

/// Which per-input budget ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetExceeded {
    /// The input's deadline (`ms` after it started) passed.
    Deadline {
        /// The deadline, [`Limits::deadline_ms`].
        ms: u64,
    },
    /// It wanted more documents than `max`.
    Fetches {
        /// [`Limits::max_fetches`].
        max: usize,
    },
    /// Its responses added up to more than `max` bytes.
    Bytes {
        /// [`Limits::max_fetched_bytes`].
        max: usize,
    },
}

impl BudgetExceeded {
    /// Which budget ran out, in one sentence.
    pub fn detail(&self) -> crate::detail::Detail {
        use crate::detail;
        use crate::detail::count;
        match self {
            BudgetExceeded::Deadline { ms } if ms % 1000 == 0 => detail!(
                "verification budget exceeded: the {seconds} s deadline for one input passed",
                seconds = count(ms / 1000)
            ),
            // Tenths without floating-point formatting (which would add ~10 KB to the app).
            BudgetExceeded::Deadline { ms } => detail!(
                "verification budget exceeded: the {seconds}.{tenths} s deadline for one input passed",
                seconds = count(ms / 1000),
                tenths = count(ms % 1000 / 100)
            ),
            BudgetExceeded::Fetches { max } => detail!(
                "verification budget exceeded: more than {max} documents needed for one input",
                max = count(*max)
            ),
            BudgetExceeded::Bytes { max } => detail!(
                "verification budget exceeded: more than {max} bytes fetched for one input",
                max = count(*max)
            ),
        }
    }
}

impl std::fmt::Display for BudgetExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

impl From<BudgetExceeded> for crate::detail::Detail {
    fn from(b: BudgetExceeded) -> Self {
        b.detail()
    }
}

/// What one input has left to spend on fetching: time, documents and bytes. There is one per
/// input, shared by the verification and every sub-verification it starts (status list
/// credentials, endorsements, and the keys and profiles their proofs need), so nesting cannot
/// multiply the work a badge causes.
///
/// The core has no clock (wasm32): time is a parameter, read by the caller from the fetcher
/// ([`crate::resolve::fetch::Fetcher::now_ms`]).
#[derive(Debug)]
pub struct Budget {
    deadline_ms: u64,
    fetches_left: Cell<usize>,
    bytes_left: Cell<usize>,
    limits: Limits,
    /// The first budget that ran out, for the report.
    exceeded: Cell<Option<BudgetExceeded>>,
}

impl Budget {
    /// A full budget for an input starting at `now_ms`.
    pub fn new(limits: &Limits, now_ms: u64) -> Budget {
        Budget {
            deadline_ms: now_ms.saturating_add(limits.deadline_ms),
            fetches_left: Cell::new(limits.max_fetches),
            bytes_left: Cell::new(limits.max_fetched_bytes),
            limits: *limits,
            exceeded: Cell::new(None),
        }
    }

    fn exceed(&self, what: BudgetExceeded) -> BudgetExceeded {
        if self.exceeded.get().is_none() {
            self.exceeded.set(Some(what));
        }
        what
    }

    /// Milliseconds left before the deadline at `now_ms`.
    pub fn time_left_ms(&self, now_ms: u64) -> u64 {
        self.deadline_ms.saturating_sub(now_ms)
    }

    /// Whether the deadline has passed at `now_ms`.
    pub fn past_deadline(&self, now_ms: u64) -> bool {
        now_ms >= self.deadline_ms
    }

    /// The deadline error (and records it), for a fetch cut short by the deadline.
    pub fn deadline_reached(&self) -> BudgetExceeded {
        self.exceed(BudgetExceeded::Deadline {
            ms: self.limits.deadline_ms,
        })
    }

    /// Takes one fetch from the budget at `now_ms`; the time it may take, in milliseconds.
    pub fn start_fetch(&self, now_ms: u64) -> Result<u64, BudgetExceeded> {
        if self.past_deadline(now_ms) {
            return Err(self.deadline_reached());
        }
        if self.bytes_left.get() == 0 {
            return Err(self.exceed(BudgetExceeded::Bytes {
                max: self.limits.max_fetched_bytes,
            }));
        }
        let left = self.fetches_left.get();
        if left == 0 {
            return Err(self.exceed(BudgetExceeded::Fetches {
                max: self.limits.max_fetches,
            }));
        }
        self.fetches_left.set(left - 1);
        Ok(self.time_left_ms(now_ms))
    }

    /// Takes `n` fetched bytes from the budget.
    pub fn spend_bytes(&self, n: usize) -> Result<(), BudgetExceeded> {
        let left = self.bytes_left.get();
        if n > left {
            self.bytes_left.set(0);
            return Err(self.exceed(BudgetExceeded::Bytes {
                max: self.limits.max_fetched_bytes,
            }));
        }
        self.bytes_left.set(left - n);
        Ok(())
    }

    /// The first budget that ran out, if any did.
    pub fn exceeded(&self) -> Option<BudgetExceeded> {
        self.exceeded.get()
    }

    /// How many fetches were taken so far.
    pub fn fetches_used(&self) -> usize {
        self.limits.max_fetches - self.fetches_left.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits {
            max_fetches: 2,
            max_fetched_bytes: 100,
            deadline_ms: 1_000,
            ..Limits::default()
        }
    }

    #[test]
    fn fetches_are_counted_and_run_out() {
        let b = Budget::new(&limits(), 5_000);
        assert_eq!(b.start_fetch(5_000), Ok(1_000));
        assert_eq!(b.start_fetch(5_400), Ok(600));
        assert_eq!(b.fetches_used(), 2);
        assert_eq!(
            b.start_fetch(5_500),
            Err(BudgetExceeded::Fetches { max: 2 })
        );
        assert_eq!(b.exceeded(), Some(BudgetExceeded::Fetches { max: 2 }));
    }

    #[test]
    fn no_fetch_starts_after_the_deadline() {
        let b = Budget::new(&limits(), 0);
        assert_eq!(b.start_fetch(999), Ok(1));
        let e = b.start_fetch(1_000).unwrap_err();
        assert_eq!(e, BudgetExceeded::Deadline { ms: 1_000 });
        assert_eq!(
            e.to_string(),
            "verification budget exceeded: the 1 s deadline for one input passed"
        );
        assert_eq!(
            BudgetExceeded::Deadline { ms: 1_500 }.to_string(),
            "verification budget exceeded: the 1.5 s deadline for one input passed"
        );
    }

    #[test]
    fn bytes_add_up_and_the_first_exhaustion_is_kept() {
        let b = Budget::new(&limits(), 0);
        assert_eq!(b.spend_bytes(60), Ok(()));
        assert_eq!(b.spend_bytes(40), Ok(()));
        assert_eq!(b.spend_bytes(1), Err(BudgetExceeded::Bytes { max: 100 }));
        let _ = b.start_fetch(2_000);
        assert_eq!(b.exceeded(), Some(BudgetExceeded::Bytes { max: 100 }));
        assert!(b
            .exceeded()
            .unwrap()
            .to_string()
            .starts_with("verification budget exceeded: more than 100 bytes"));
    }
}
