//! OB 3.0 status list entries, decoded and looked up (no fetching, no proofs: those are
//! [`crate::verify::ob3::status`]'s): `BitstringStatusListEntry` (W3C Bitstring Status List
//! v1.0 §3.2 "Validate Algorithm") and its VC 1.1 predecessor `StatusList2021Entry`.

use super::bitstring::{self, Encoding, MAX_LIST_BYTES, MAX_STATUS_SIZE};
use crate::detail;
use crate::detail::{code, count, Detail};
use crate::memo::Memo;
use crate::model::json::{each, str_of};
use serde_json::Value;
use std::rc::Rc;

/// The two bitstring list flavours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    /// W3C Bitstring Status List v1.0 (`BitstringStatusListEntry`), multibase-encoded.
    Bitstring,
    /// The older StatusList2021 (`StatusList2021Entry`), base64url-encoded.
    StatusList2021,
}

impl Flavour {
    /// The `type` of a credential's status entry in this flavour.
    pub fn entry_type(self) -> &'static str {
        match self {
            Flavour::Bitstring => "BitstringStatusListEntry",
            Flavour::StatusList2021 => "StatusList2021Entry",
        }
    }
    /// The `type` of the status list credential in this flavour.
    pub fn list_type(self) -> &'static str {
        match self {
            Flavour::Bitstring => "BitstringStatusListCredential",
            Flavour::StatusList2021 => "StatusList2021Credential",
        }
    }
    /// How the list's `encodedList` is encoded in this flavour.
    pub fn encoding(self) -> Encoding {
        match self {
            Flavour::Bitstring => Encoding::Multibase,
            Flavour::StatusList2021 => Encoding::Base64Url,
        }
    }
}

/// `statusListIndex`: a decimal string (Bitstring Status List, StatusList2021) or, as some
/// issuers write it, a JSON integer.
pub fn index_of(entry: &Value) -> Result<u64, Detail> {
    let not_an_index = |v: &Value| {
        detail!(
            "`statusListIndex` {value} is not a non-negative integer",
            value = code(v.to_string())
        )
    };
    match entry.get("statusListIndex") {
        Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse::<u64>().map_err(|_| {
                detail!("`statusListIndex` {value} is too large", value = code(s.as_str()))
            })
        }
        Some(v @ Value::Number(n)) => n.as_u64().ok_or_else(|| not_an_index(v)),
        Some(other) => Err(not_an_index(other)),
        None => Err(detail!("the status entry has no `statusListIndex`")),
    }
}

/// `statusSize` (Bitstring Status List §2.1; default 1).
pub fn size_of(entry: &Value) -> Result<u32, Detail> {
    let raw = match entry.get("statusSize") {
        None => return Ok(1),
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.parse::<u64>().ok(),
        Some(_) => None,
    };
    match raw {
        Some(n) if (1..=u64::from(MAX_STATUS_SIZE)).contains(&n) => Ok(n as u32),
        _ => Err(detail!(
            "`statusSize` {value} is not an integer from 1 to {max}",
            value = code(
                entry
                    .get("statusSize")
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            ),
            max = count(MAX_STATUS_SIZE)
        )),
    }
}

/// The `statusMessage` whose `status` (hex, "0x1") equals `value`.
pub fn message_for(entry: &Value, value: u64) -> Option<String> {
    each(entry.get("statusMessage")).into_iter().find_map(|m| {
        let s = str_of(m, "status")?;
        let hex = s
            .strip_prefix("0x")
            .or_else(|| s.strip_prefix("0X"))
            .unwrap_or(s);
        (u64::from_str_radix(hex, 16).ok()? == value)
            .then(|| str_of(m, "message").unwrap_or(s).to_string())
    })
}

/// The bits of a verified list's `encodedList`, decoded once per list body (`key`: the body's
/// SHA-256 and the encoding; a 16 KB list is inflated once, not per credential).
pub async fn decoded_list(
    key: ([u8; 32], Encoding),
    encoded: &str,
) -> Result<Rc<Vec<u8>>, Detail> {
    if let Some(bits) = DECODED_LISTS.with(|m| m.get(&key)) {
        return Ok(bits);
    }
    let bits = Rc::new(
        bitstring::decode_list(encoded, key.1, MAX_LIST_BYTES)
            .await
            .map_err(|e| e.0)?,
    );
    DECODED_LISTS.with(|m| m.insert_sized(key, bits.clone(), bits.len()));
    Ok(bits)
}

/// Bytes of decoded bitstrings one thread remembers. A decoded list is up to 16 MiB
/// ([`MAX_LIST_BYTES`]) from a body of a few KB (zeros compress well), so the bound is on the
/// decoded bytes, not on the number of lists: 160 lists of 16 MiB each once took 3 GB here.
const DECODED_LISTS_MAX_BYTES: usize = 8 * 1024 * 1024;

thread_local! {
    static DECODED_LISTS: Memo<([u8; 32], Encoding), Rc<Vec<u8>>> =
        Memo::with_max_bytes(DECODED_LISTS_MAX_BYTES);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn index_and_size_parsing() {
        assert_eq!(index_of(&json!({"statusListIndex":"94567"})), Ok(94567));
        assert_eq!(index_of(&json!({"statusListIndex":23})), Ok(23));
        assert!(index_of(&json!({"statusListIndex":"-1"})).is_err());
        assert!(index_of(&json!({"statusListIndex":-1})).is_err());
        assert!(index_of(&json!({"statusListIndex":"1e3"})).is_err());
        assert!(index_of(&json!({"statusListIndex":"99999999999999999999999"})).is_err());
        assert!(index_of(&json!({})).is_err());
        assert_eq!(size_of(&json!({})), Ok(1));
        assert_eq!(size_of(&json!({"statusSize":2})), Ok(2));
        assert!(size_of(&json!({"statusSize":0})).is_err());
        assert!(size_of(&json!({"statusSize":64})).is_err());
    }

    #[test]
    fn status_messages_by_hex_value() {
        let e = json!({"statusMessage":[{"status":"0x0","message":"valid"},{"status":"0x2","message":"pending review"}]});
        assert_eq!(message_for(&e, 2).as_deref(), Some("pending review"));
        assert_eq!(message_for(&e, 0).as_deref(), Some("valid"));
        assert_eq!(message_for(&e, 1), None);
    }
}
