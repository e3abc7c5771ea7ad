//! Any bytes: extraction, classification of what it yields, and baking must never panic, and a
//! successful bake must extract back to the payload baked (the property lives in
//! tests/support/extract_property.rs, shared with tests/extract_random.rs).
#![no_main]

#[path = "../../tests/support/extract_property.rs"]
mod extract_property;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| extract_property::check(data));
