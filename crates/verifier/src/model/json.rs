//! Small readers for JSON-LD-shaped JSON, where a property may be a string, an object with an
//! `id`, or an array of either.

use serde_json::Value;

/// Every string in a value that may be a string or an array of strings (`type`, `@context`).
/// Objects inside (`@context` maps) are skipped.
pub fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

/// The values of a property that may be one value or an array of values.
pub fn each(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    }
}

/// A string property.
pub fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// The id of a property that is either an IRI string or an object with `id`.
pub fn id_of(v: Option<&Value>) -> Option<&str> {
    match v {
        Some(Value::String(s)) => Some(s),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str),
        _ => None,
    }
}

/// Whether `type` (string or array) contains `name`.
pub fn has_type(v: &Value, name: &str) -> bool {
    strings(v.get("type")).iter().any(|t| t == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn readers() {
        let v = json!({"type":["A","B"],"issuer":{"id":"https://i"},"badge":"https://b","x":[1,2]});
        assert_eq!(strings(v.get("type")), vec!["A", "B"]);
        assert!(has_type(&v, "B"));
        assert_eq!(id_of(v.get("issuer")), Some("https://i"));
        assert_eq!(id_of(v.get("badge")), Some("https://b"));
        assert_eq!(each(v.get("x")).len(), 2);
        assert_eq!(each(v.get("badge")).len(), 1);
        assert!(each(v.get("none")).is_empty());
    }
}
