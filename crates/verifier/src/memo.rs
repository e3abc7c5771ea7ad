//! The per-thread memos of work that depends only on its key (processed and compiled JSON-LD
//! contexts, decoded keys, verified status lists): bounded by forgetting everything once full,
//! which keeps memory fixed without the bookkeeping of an LRU. A memo is bounded by entries
//! (small values of similar size) or by bytes (values as large as a 16 MiB status list, each
//! inserted with an estimate of its size).

use std::borrow::Borrow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::Hash;

pub struct Memo<K, V> {
    map: RefCell<HashMap<K, V>>,
    /// Most entries; `usize::MAX` for a memo bounded by bytes.
    max: usize,
    /// Most estimated bytes; `usize::MAX` for a memo bounded by entries.
    max_bytes: usize,
    bytes: Cell<usize>,
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    /// A memo that holds at most `max` entries.
    pub fn new(max: usize) -> Self {
        Memo {
            map: RefCell::new(HashMap::new()),
            max,
            max_bytes: usize::MAX,
            bytes: Cell::new(0),
        }
    }

    /// A memo that holds at most `max_bytes` of values, by the sizes given to
    /// [`Memo::insert_sized`].
    pub fn with_max_bytes(max_bytes: usize) -> Self {
        Memo {
            map: RefCell::new(HashMap::new()),
            max: usize::MAX,
            max_bytes,
            bytes: Cell::new(0),
        }
    }

    pub fn get<Q: Eq + Hash + ?Sized>(&self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.map.borrow().get(key).cloned()
    }

    /// Remembers `value` for `key`, first forgetting everything if the memo is full.
    pub fn insert(&self, key: K, value: V) {
        self.insert_sized(key, value, 0);
    }

    /// Remembers `value`, about `bytes` large, for `key`, first forgetting everything if it
    /// would not fit; a value larger than the whole memo is not remembered.
    pub fn insert_sized(&self, key: K, value: V, bytes: usize) {
        if bytes > self.max_bytes {
            return;
        }
        let mut map = self.map.borrow_mut();
        if map.len() >= self.max || self.bytes.get() + bytes > self.max_bytes {
            map.clear();
            self.bytes.set(0);
        }
        // A replaced value's bytes stay counted until the next clear: an over-estimate.
        map.insert(key, value);
        self.bytes.set(self.bytes.get() + bytes);
    }

    /// The estimated bytes held (0 for a memo bounded by entries).
    #[cfg(test)]
    pub fn bytes(&self) -> usize {
        self.bytes.get()
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;

    #[test]
    fn remembers_and_forgets_everything_when_full() {
        let m = Memo::new(2);
        m.insert("a".to_string(), 1);
        m.insert("b".to_string(), 2);
        assert_eq!((m.get("a"), m.get("b")), (Some(1), Some(2)));
        m.insert("c".to_string(), 3);
        assert_eq!((m.get("a"), m.get("b"), m.get("c")), (None, None, Some(3)));
    }

    #[test]
    fn bounded_by_bytes() {
        let m = Memo::with_max_bytes(100);
        m.insert_sized("a", 1, 60);
        m.insert_sized("b", 2, 40);
        assert_eq!((m.get("a"), m.get("b")), (Some(1), Some(2)));
        assert_eq!(m.bytes(), 100);
        m.insert_sized("c", 3, 1);
        assert_eq!((m.get("a"), m.get("b"), m.get("c")), (None, None, Some(3)));
        assert_eq!(m.bytes(), 1);
        m.insert_sized("huge", 4, 101);
        assert_eq!(m.get("huge"), None, "larger than the memo: not kept");
        assert_eq!(m.get("c"), Some(3), "and nothing forgotten for it");
    }
}
