//! A fetcher that notes why the core asked for each URL ([`FetchPurpose`]), so tests can check
//! the core says it at every fetch.

use badge_verifier::{FetchError, FetchPurpose, Fetcher, MemoryFetcher, Response};
use std::cell::RefCell;

pub struct Purposes {
    pub inner: MemoryFetcher,
    pub seen: RefCell<Vec<(String, FetchPurpose)>>,
}

impl Purposes {
    pub fn new(inner: MemoryFetcher) -> Purposes {
        Purposes {
            inner,
            seen: RefCell::new(Vec::new()),
        }
    }

    /// What each URL was asked for, in order.
    pub fn seen(&self) -> Vec<(String, FetchPurpose)> {
        self.seen.borrow().clone()
    }
}

impl Fetcher for Purposes {
    async fn get(
        &self,
        url: &str,
        purpose: FetchPurpose,
        time_left_ms: u64,
    ) -> Result<Response, FetchError> {
        self.seen.borrow_mut().push((url.to_string(), purpose));
        self.inner.get(url, purpose, time_left_ms).await
    }

    fn now_ms(&self) -> u64 {
        self.inner.now_ms()
    }
}
