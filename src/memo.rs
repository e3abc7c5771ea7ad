//! The per-thread memos of work that depends only on its key (processed and compiled JSON-LD
//! contexts, decoded keys, verified status lists): bounded by forgetting everything once full,
//! which keeps memory fixed without the bookkeeping of an LRU.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;

pub struct Memo<K, V> {
    map: RefCell<HashMap<K, V>>,
    max: usize,
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    /// A memo that holds at most `max` entries.
    pub fn new(max: usize) -> Self {
        Memo {
            map: RefCell::new(HashMap::new()),
            max,
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
        let mut map = self.map.borrow_mut();
        if map.len() >= self.max {
            map.clear();
        }
        map.insert(key, value);
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
}
