//! A caching [`Fetcher`]: many badges from one issuer share a status list, issuer profile or key
//! document, so a page (or a CLI run over several files) fetches each URL once.
//!
//! Only successful (2xx) responses are kept, keyed by the requested URL; errors and other
//! statuses are asked again next time. The cache is bounded in total body bytes (oldest entries
//! leave first) and sits behind a `Mutex`, so one instance can serve the browser's single thread
//! and the CLI's worker threads alike. The lock is never held across an `.await`.

use super::fetch::{FetchError, Fetcher, Response};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// Default bound on cached body bytes.
pub const DEFAULT_MAX_BYTES: usize = 32 * 1024 * 1024;

#[derive(Debug, Default)]
struct Store {
    map: HashMap<String, Response>,
    /// Insertion order, for eviction.
    order: VecDeque<String>,
    bytes: usize,
}

/// Wraps any fetcher and remembers its successful answers for its own lifetime.
#[derive(Debug)]
pub struct CachingFetcher<F: Fetcher> {
    inner: F,
    store: Mutex<Store>,
    max_bytes: usize,
}

impl<F: Fetcher> CachingFetcher<F> {
    pub fn new(inner: F) -> Self {
        Self::with_max_bytes(inner, DEFAULT_MAX_BYTES)
    }

    /// A cache keeping at most `max_bytes` of response bodies.
    pub fn with_max_bytes(inner: F, max_bytes: usize) -> Self {
        CachingFetcher {
            inner,
            store: Mutex::new(Store::default()),
            max_bytes,
        }
    }

    /// The wrapped fetcher.
    pub fn inner(&self) -> &F {
        &self.inner
    }

    /// How many responses are cached.
    pub fn len(&self) -> usize {
        self.store.lock().map(|s| s.map.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets everything (e.g. when the user asks to verify again from scratch).
    pub fn clear(&self) {
        if let Ok(mut s) = self.store.lock() {
            *s = Store::default();
        }
    }

    fn lookup(&self, url: &str) -> Option<Response> {
        // A poisoned lock only means another thread panicked mid-insert: treat as a miss.
        self.store.lock().ok()?.map.get(url).cloned()
    }

    fn remember(&self, url: &str, resp: &Response) {
        let size = resp.body.len();
        if !resp.is_success() || size > self.max_bytes {
            return;
        }
        let Ok(mut s) = self.store.lock() else {
            return;
        };
        if let Some(old) = s.map.remove(url) {
            s.bytes -= old.body.len();
            s.order.retain(|u| u != url);
        }
        while s.bytes + size > self.max_bytes {
            let Some(oldest) = s.order.pop_front() else {
                break;
            };
            if let Some(old) = s.map.remove(&oldest) {
                s.bytes -= old.body.len();
            }
        }
        s.bytes += size;
        s.order.push_back(url.to_string());
        s.map.insert(url.to_string(), resp.clone());
    }
}

impl<F: Fetcher> Fetcher for CachingFetcher<F> {
    async fn get(&self, url: &str) -> Result<Response, FetchError> {
        if let Some(hit) = self.lookup(url) {
            return Ok(hit);
        }
        let resp = self.inner.get(url).await?;
        self.remember(url, &resp);
        Ok(resp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::fetch::MemoryFetcher;
    use futures::executor::block_on;

    fn mem() -> MemoryFetcher {
        let mut m = MemoryFetcher::new()
            .with("https://a.example/1", "application/json", vec![b'a'; 10])
            .with("https://a.example/2", "application/json", vec![b'b'; 10])
            .with("https://a.example/3", "application/json", vec![b'c'; 10]);
        m.insert("https://a.example/gone", 404, "text/plain", "no");
        m
    }

    #[test]
    fn second_get_is_served_from_the_cache() {
        let c = CachingFetcher::new(mem());
        let a = block_on(c.get("https://a.example/1")).unwrap();
        let b = block_on(c.get("https://a.example/1")).unwrap();
        assert_eq!(a, b);
        assert_eq!(c.inner().requests(), vec!["https://a.example/1"]);
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn errors_and_non_2xx_are_not_cached() {
        let c = CachingFetcher::new(mem());
        for _ in 0..2 {
            assert_eq!(
                block_on(c.get("https://a.example/gone")).unwrap().status,
                404
            );
            assert!(block_on(c.get("https://a.example/missing")).is_err());
        }
        assert_eq!(c.inner().requests().len(), 4);
        assert!(c.is_empty());
    }

    #[test]
    fn total_bytes_are_bounded_oldest_first() {
        let c = CachingFetcher::with_max_bytes(mem(), 25);
        for u in [
            "https://a.example/1",
            "https://a.example/2",
            "https://a.example/3",
        ] {
            block_on(c.get(u)).unwrap();
        }
        assert_eq!(c.len(), 2);
        // 1 was evicted, 3 is cached.
        block_on(c.get("https://a.example/3")).unwrap();
        block_on(c.get("https://a.example/1")).unwrap();
        let r = c.inner().requests();
        assert_eq!(r.len(), 4);
        assert_eq!(r[3], "https://a.example/1");
        c.clear();
        assert!(c.is_empty());
    }

    #[test]
    fn a_body_larger_than_the_bound_is_passed_through_uncached() {
        let c = CachingFetcher::with_max_bytes(mem(), 5);
        assert_eq!(
            block_on(c.get("https://a.example/1")).unwrap().body.len(),
            10
        );
        assert!(c.is_empty());
    }
}
