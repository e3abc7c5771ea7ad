//! The JSON-LD document loader for [`super::jsonld`] and [`super::jsonld_fast`]: serves the
//! bundled contexts ([`super::contexts`]) and nothing else, and runs its never-waiting futures.

use super::contexts;
use json_ld::{Iri, IriBuf, LoadError, Loader, RemoteDocument};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Most context loads one document may cause (a real OB 3.0 credential with endorsements needs
/// a dozen): each load is reprocessed, so thousands of repeated `@context` URLs would be a
/// cheap way to make verification take minutes.
pub(super) const MAX_CONTEXT_LOADS: usize = 128;

/// Serves the bundled contexts, parsed once per process. Remembers the first URL it could not
/// serve, because `json-ld` reports a context load failure without the URL.
#[derive(Default)]
pub struct BundledLoader {
    pub(super) missing: RefCell<Option<String>>,
    loads: std::cell::Cell<usize>,
}

impl BundledLoader {
    pub(super) fn exhausted(&self) -> bool {
        self.loads.get() > MAX_CONTEXT_LOADS
    }
}

#[derive(Debug)]
struct NotBundled;

impl std::fmt::Display for NotBundled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("context is not bundled (contexts are never fetched)")
    }
}

impl std::error::Error for NotBundled {}

/// Parsed bundled contexts, keyed by URL.
fn parsed_contexts() -> &'static HashMap<&'static str, json_syntax::Value> {
    static PARSED: OnceLock<HashMap<&'static str, json_syntax::Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        contexts::CONTEXTS
            .iter()
            .filter_map(|(url, text)| {
                // Bundled files are checked by a unit test; a broken one is simply unavailable.
                // Read with the strict reader only so that the app links one JSON-to-Value
                // reader, not two (they are trusted and have no duplicates).
                let v: Value =
                    crate::strict_json::from_str(text, crate::limits::MAX_JSON_DEPTH).ok()?;
                Some((*url, json_syntax::Value::from_serde_json(v)))
            })
            .collect()
    })
}

impl Loader for BundledLoader {
    async fn load(&self, url: &Iri) -> Result<RemoteDocument<IriBuf>, LoadError> {
        self.loads.set(self.loads.get() + 1);
        if self.exhausted() {
            return Err(LoadError::new(url.to_owned(), NotBundled));
        }
        match parsed_contexts().get(url.as_str()) {
            Some(doc) => Ok(RemoteDocument::new(Some(url.to_owned()), None, doc.clone())),
            None => {
                self.missing
                    .borrow_mut()
                    .get_or_insert_with(|| url.as_str().to_owned());
                Err(LoadError::new(url.to_owned(), NotBundled))
            }
        }
    }
}

/// Runs a future that never waits (the loader serves bundled contexts only). Polled directly
/// rather than with `futures::executor::block_on`, which panics when verification itself runs
/// inside `block_on` (the CLI, the tests): "cannot execute LocalPool executor from within
/// another executor".
pub(super) fn ready<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => out,
        // Not reached with the bundled loader; a waiting future still completes outside an
        // executor.
        std::task::Poll::Pending => futures::executor::block_on(f),
    }
}
