//! A caching [`Fetcher`]: many badges from one issuer share a status list, issuer profile or key
//! document, so a page (or a CLI run over several files) fetches each URL once.
//!
//! Only successful (2xx) responses are kept, keyed by the requested URL; errors and other
//! statuses are asked again next time. The cache is bounded in total body bytes (oldest entries
//! leave first) and sits behind a `Mutex`, so one instance can serve the browser's single thread
//! and the CLI's worker threads alike. The lock is never held across an `.await`.
//!
//! Concurrent requests for one URL share one fetch: while a URL is being fetched, later callers
//! (other CLI workers, other cards in the page) wait for that answer instead of asking again,
//! so twenty badges verified at once that share a status list still fetch it once. They get the
//! same answer, error or not; only the next request after an error asks again.

use super::fetch::{FetchError, FetchPurpose, Fetcher, Response};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Poll, Waker};

/// Default bound on cached body bytes.
pub const DEFAULT_MAX_BYTES: usize = 32 * 1024 * 1024;

/// Default bound on one cached body: a larger one (only a hostile or broken issuer serves a
/// multi-megabyte profile, key or status list) is passed through uncached, so it neither
/// evicts everything else nor stays in memory after its input is done.
pub const DEFAULT_MAX_ENTRY_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Default)]
struct Store {
    map: HashMap<String, Response>,
    /// Insertion order, for eviction.
    order: VecDeque<String>,
    bytes: usize,
    /// URLs being fetched right now, and who waits for them.
    in_flight: HashMap<String, Arc<Flight>>,
}

/// One fetch in progress, shared by everyone who asked for its URL meanwhile.
#[derive(Debug, Default)]
struct Flight {
    state: Mutex<FlightState>,
}

#[derive(Debug, Default)]
struct FlightState {
    /// `Some` once the fetch ended; `Some(None)` when it was abandoned (its caller dropped it).
    outcome: Option<Option<Result<Response, FetchError>>>,
    waiters: Vec<Waker>,
}

impl Flight {
    /// Waits for the leader's answer; `None` if the leader gave up (ask again).
    async fn wait(&self) -> Option<Result<Response, FetchError>> {
        std::future::poll_fn(|cx| {
            let mut st = lock(&self.state);
            match &st.outcome {
                Some(outcome) => Poll::Ready(outcome.clone()),
                None => {
                    if !st.waiters.iter().any(|w| w.will_wake(cx.waker())) {
                        st.waiters.push(cx.waker().clone());
                    }
                    Poll::Pending
                }
            }
        })
        .await
    }
}

/// Held by the caller that fetches a URL for everyone: ends the flight when dropped, with the
/// answer when there is one, so waiters never hang on a cancelled fetch.
struct Leader<'a> {
    store: &'a Mutex<Store>,
    url: &'a str,
    flight: Arc<Flight>,
    outcome: Option<Result<Response, FetchError>>,
}

impl Drop for Leader<'_> {
    fn drop(&mut self) {
        {
            let mut s = lock(self.store);
            if s.in_flight
                .get(self.url)
                .is_some_and(|f| Arc::ptr_eq(f, &self.flight))
            {
                s.in_flight.remove(self.url);
            }
        }
        let waiters = {
            let mut st = lock(&self.flight.state);
            st.outcome = Some(self.outcome.take());
            std::mem::take(&mut st.waiters)
        };
        for w in waiters {
            w.wake();
        }
    }
}

/// What a caller does for a URL that is not cached.
enum Role {
    Hit(Response),
    Lead(Arc<Flight>),
    Wait(Arc<Flight>),
}

/// Locks `m` even when a thread panicked while holding it (the CLI verifies each input under
/// `catch_unwind`, so the process and this cache outlive such a panic). The critical sections
/// here only move entries and add or subtract sizes, none can stop half-way through an update,
/// so the data behind a poisoned lock is consistent: one input's panic must not cost the other
/// inputs their cache.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Wraps any fetcher and remembers its successful answers for its own lifetime.
#[derive(Debug)]
pub struct CachingFetcher<F: Fetcher> {
    inner: F,
    store: Mutex<Store>,
    max_bytes: usize,
    max_entry_bytes: usize,
}

impl<F: Fetcher> CachingFetcher<F> {
    /// A cache of at most 32 MB of response bodies ([`DEFAULT_MAX_BYTES`]), any one body at most
    /// 4 MB ([`DEFAULT_MAX_ENTRY_BYTES`]; a larger one is passed through uncached). Share one
    /// instance (`&CachingFetcher` is itself a [`Fetcher`]) across a batch of inputs, so each
    /// issuer's profile, keys and status lists are fetched once.
    pub fn new(inner: F) -> Self {
        let mut c = Self::with_max_bytes(inner, DEFAULT_MAX_BYTES);
        c.max_entry_bytes = DEFAULT_MAX_ENTRY_BYTES;
        c
    }

    /// A cache keeping at most `max_bytes` of response bodies (any one body up to that size).
    pub fn with_max_bytes(inner: F, max_bytes: usize) -> Self {
        CachingFetcher {
            inner,
            store: Mutex::new(Store::default()),
            max_bytes,
            max_entry_bytes: max_bytes,
        }
    }

    /// The wrapped fetcher.
    pub fn inner(&self) -> &F {
        &self.inner
    }

    /// How many responses are cached.
    pub fn len(&self) -> usize {
        lock(&self.store).map.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets everything (e.g. when the user asks to verify again from scratch).
    pub fn clear(&self) {
        *lock(&self.store) = Store::default();
    }

    /// A cached answer, or who fetches it.
    fn role(&self, url: &str) -> Role {
        let mut s = lock(&self.store);
        if let Some(hit) = s.map.get(url) {
            return Role::Hit(hit.clone());
        }
        if let Some(f) = s.in_flight.get(url) {
            return Role::Wait(Arc::clone(f));
        }
        let f = Arc::new(Flight::default());
        s.in_flight.insert(url.to_string(), Arc::clone(&f));
        Role::Lead(f)
    }

    fn remember(&self, url: &str, resp: &Response) {
        let size = resp.body.len();
        if !resp.is_success() || size > self.max_bytes.min(self.max_entry_bytes) {
            return;
        }
        let mut s = lock(&self.store);
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
    /// A cached answer costs no time; a waiter waits for the fetch it joined, which is bounded
    /// by the leader's time limit (the core has no timer to cut the wait shorter).
    async fn get(
        &self,
        url: &str,
        purpose: FetchPurpose,
        time_left_ms: u64,
    ) -> Result<Response, FetchError> {
        loop {
            match self.role(url) {
                Role::Hit(resp) => return Ok(resp),
                Role::Wait(flight) => {
                    if let Some(outcome) = flight.wait().await {
                        return outcome;
                    }
                    // The fetching caller was dropped before its answer: ask again.
                }
                Role::Lead(flight) => {
                    let mut leader = Leader {
                        store: &self.store,
                        url,
                        flight,
                        outcome: None,
                    };
                    let r = self.inner.get(url, purpose, time_left_ms).await;
                    if let Ok(resp) = &r {
                        self.remember(url, resp);
                    }
                    leader.outcome = Some(r.clone());
                    return r;
                }
            }
        }
    }

    fn now_ms(&self) -> u64 {
        self.inner.now_ms()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::fetch::MemoryFetcher;
    use futures::executor::block_on;

    const T: u64 = 10_000;

    /// What the tests fetch for (nothing here depends on it).
    const P: FetchPurpose = FetchPurpose::StatusList;

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
        let a = block_on(c.get("https://a.example/1", P, T)).unwrap();
        let b = block_on(c.get("https://a.example/1", P, T)).unwrap();
        assert_eq!(a, b);
        assert_eq!(c.inner().requests(), vec!["https://a.example/1"]);
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn errors_and_non_2xx_are_not_cached() {
        let c = CachingFetcher::new(mem());
        for _ in 0..2 {
            assert_eq!(
                block_on(c.get("https://a.example/gone", P, T))
                    .unwrap()
                    .status,
                404
            );
            assert!(block_on(c.get("https://a.example/missing", P, T)).is_err());
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
            block_on(c.get(u, P, T)).unwrap();
        }
        assert_eq!(c.len(), 2);
        // 1 was evicted, 3 is cached.
        block_on(c.get("https://a.example/3", P, T)).unwrap();
        block_on(c.get("https://a.example/1", P, T)).unwrap();
        let r = c.inner().requests();
        assert_eq!(r.len(), 4);
        assert_eq!(r[3], "https://a.example/1");
        c.clear();
        assert!(c.is_empty());
    }

    /// Serves one document after a delay (threads) or after yielding once (one thread),
    /// counting the calls.
    struct Slow {
        calls: std::sync::atomic::AtomicUsize,
        sleep_ms: u64,
        status: u16,
    }

    impl Slow {
        fn new(sleep_ms: u64, status: u16) -> Self {
            Slow {
                calls: Default::default(),
                sleep_ms,
                status,
            }
        }
        fn calls(&self) -> usize {
            self.calls.load(std::sync::atomic::Ordering::SeqCst)
        }
    }

    impl Fetcher for Slow {
        async fn get(&self, url: &str, _: FetchPurpose, _: u64) -> Result<Response, FetchError> {
            self.calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if self.sleep_ms > 0 {
                std::thread::sleep(std::time::Duration::from_millis(self.sleep_ms));
            }
            // Yield once, so other tasks on this thread run while this fetch is "in flight".
            let mut yielded = false;
            std::future::poll_fn(|cx| {
                if yielded {
                    Poll::Ready(())
                } else {
                    yielded = true;
                    cx.waker().wake_by_ref();
                    Poll::Pending
                }
            })
            .await;
            Ok(Response {
                final_url: url.to_string(),
                status: self.status,
                content_type: None,
                body: b"list".to_vec(),
            })
        }
    }

    #[test]
    fn concurrent_threads_share_one_fetch() {
        let c = CachingFetcher::new(Slow::new(100, 200));
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    let r = block_on(c.get("https://a.example/list", P, T)).unwrap();
                    assert_eq!(r.body, b"list");
                });
            }
        });
        assert_eq!(c.inner().calls(), 1);
    }

    #[test]
    fn concurrent_tasks_on_one_thread_share_one_fetch_even_when_not_cached() {
        // A 404 is not cached, but callers asking while it is in flight share that answer.
        let c = CachingFetcher::new(Slow::new(0, 404));
        let all = block_on(futures::future::join_all(
            (0..5).map(|_| c.get("https://a.example/gone", P, T)),
        ));
        assert!(all.iter().all(|r| r.as_ref().unwrap().status == 404));
        assert_eq!(c.inner().calls(), 1);
        // Asked again afterwards: fetched again.
        block_on(c.get("https://a.example/gone", P, T)).unwrap();
        assert_eq!(c.inner().calls(), 2);
    }

    #[test]
    fn a_waiter_asks_again_when_the_fetching_caller_is_dropped() {
        use std::future::Future;
        let c = CachingFetcher::new(Slow::new(0, 200));
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        let mut leader = Box::pin(c.get("https://a.example/list", P, T));
        assert!(leader.as_mut().poll(&mut cx).is_pending());
        let mut waiter = Box::pin(c.get("https://a.example/list", P, T));
        assert!(waiter.as_mut().poll(&mut cx).is_pending());
        drop(leader);
        let r = loop {
            if let Poll::Ready(r) = waiter.as_mut().poll(&mut cx) {
                break r;
            }
        };
        assert_eq!(r.unwrap().body, b"list");
        assert_eq!(c.inner().calls(), 2);
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn by_default_a_body_over_the_entry_bound_is_not_cached() {
        let big = vec![b'x'; DEFAULT_MAX_ENTRY_BYTES + 1];
        let f = MemoryFetcher::new()
            .with("https://a.example/big", "application/json", big)
            .with("https://a.example/small", "application/json", "{}");
        let c = CachingFetcher::new(f);
        for _ in 0..2 {
            block_on(c.get("https://a.example/big", P, T)).unwrap();
            block_on(c.get("https://a.example/small", P, T)).unwrap();
        }
        assert_eq!(
            c.inner().requests().len(),
            3,
            "the big one twice, the small one once"
        );
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn a_body_larger_than_the_bound_is_passed_through_uncached() {
        let c = CachingFetcher::with_max_bytes(mem(), 5);
        assert_eq!(
            block_on(c.get("https://a.example/1", P, T))
                .unwrap()
                .body
                .len(),
            10
        );
        assert!(c.is_empty());
    }

    /// Panics on one URL, like a fetcher bug on a hostile answer; serves the others from `mem`.
    struct Panicky(MemoryFetcher);

    impl Fetcher for Panicky {
        async fn get(
            &self,
            url: &str,
            purpose: FetchPurpose,
            time_left_ms: u64,
        ) -> Result<Response, FetchError> {
            if url.ends_with("/panic") {
                panic!("fetcher bug on {url}");
            }
            self.0.get(url, purpose, time_left_ms).await
        }
    }

    fn catch<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
    }

    #[test]
    fn a_panicking_fetch_leaves_the_cache_working() {
        let c = CachingFetcher::new(Panicky(mem()));
        assert!(catch(|| block_on(c.get("https://a.example/panic", P, 1_000))).is_err());
        // Not left "in flight": asking again fetches again (and panics again), never waits.
        assert!(catch(|| block_on(c.get("https://a.example/panic", P, 1_000))).is_err());
        block_on(c.get("https://a.example/1", P, 1_000)).unwrap();
        block_on(c.get("https://a.example/1", P, 1_000)).unwrap();
        assert_eq!(c.inner().0.requests(), vec!["https://a.example/1"]);
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn a_poisoned_lock_still_caches() {
        let c = CachingFetcher::new(mem());
        block_on(c.get("https://a.example/1", P, 1_000)).unwrap();
        let poisoner = catch(|| {
            let _held = c.store.lock();
            panic!("a thread panics while holding the cache's lock");
        });
        assert!(poisoner.is_err());
        assert!(c.store.is_poisoned());
        // The entry cached before is still served, and new answers are still cached.
        block_on(c.get("https://a.example/1", P, 1_000)).unwrap();
        block_on(c.get("https://a.example/2", P, 1_000)).unwrap();
        block_on(c.get("https://a.example/2", P, 1_000)).unwrap();
        assert_eq!(
            c.inner().requests(),
            vec!["https://a.example/1", "https://a.example/2"]
        );
        assert_eq!(c.len(), 2);
    }
}
