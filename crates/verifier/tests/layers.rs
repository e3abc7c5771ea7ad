//! The core's layers run one way (issue #15): reads `src/`, builds the module graph from the
//! paths the code names, and fails on an import circle or on an arrow from a lower layer to a
//! higher one.
//!
//! An arrow `a → b` is any path in `a`'s code that names something in module `b`: `use crate::…`,
//! `use super::…`, `use self::…`, a `crate::b::f()` / `super::f()` in an expression, and paths
//! through a name a `use` bound to a module (`use crate::status;` then `status::ob2::…`) or
//! through a child declared with `mod`. A path lands in the deepest module it names
//! (`crate::proof::jsonld::canonicalize` → `proof::jsonld`).
//!
//! Not arrows: comments (rustdoc links included: they are documentation, not imports), string
//! literals, and items under `#[cfg(test)]` (unit tests may reach anywhere in the crate to test
//! it). A module and its own descendants are one unit for circles: a parent declares and
//! re-exports its children and the children use the types it holds (`super::Payload`); circles
//! are looked for between modules where neither contains the other, at every depth
//! (`proof ↔ resolve`, `proof::jsonld ↔ proof::jsonld_fast`, `verify::ob3::jwt ↔
//! verify::ob3::embedded`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layer order, bottom first; documented in `src/lib.rs`. A module may name only modules of
/// lower layers (and its own descendants and ancestors); modules of one layer do not name each
/// other. Every top-level module must be listed.
const LAYERS: &[&[&str]] = &[
    // What a check found, as data (issue #18): every layer words its findings with it.
    &["detail"],
    // Leaves: no crate imports but `detail` (`platform` is the only place with `cfg(target_arch)`).
    &["platform", "limits", "memo", "check"],
    // Leaves over leaves (`unicode` is the platform's lower-casing, named for its callers).
    &["strict_json", "unicode"],
    &["extract"],
    // Keys and compact JWS: below model (a VC-JWT is parsed into a `CompactJws`), resolve and
    // proof.
    &["jose"],
    &["model"],
    // Finding documents and keys | checking signatures: neither needs the other.
    &["resolve", "proof"],
    // Who issued it: binds resolved keys and verified proofs to the issuer.
    &["trust"],
    // Status lists decoded and looked up (fetching and proving them is verify's).
    &["status"],
    &["report"],
    // Whether a report's recipient is the person the user names (the `recipient` check, and
    // the app's earner check on a finished report): one rule, over the report's data.
    &["recipient"],
    &["verify"],
    // What the app's on-demand module answers for the page's core (proof and key primitives).
    &["offload"],
];

#[test]
fn the_core_has_no_import_circle_and_no_upward_arrow() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read_modules(&src, &src, &mut files);
    assert!(files.len() > 40, "read only {} files", files.len());
    let graph = Graph::of(&files);
    if std::env::var_os("PRINT_LAYERS").is_some() {
        for ((a, b), path) in &graph.edges {
            println!("{a} → {b}  ({path})");
        }
    }
    // A check that sees nothing passes anything: the graph must hold the arrows we know of.
    for (from, to) in [
        ("verify::ob3::status", "status::ob3"),
        ("model", "jose::jws"),
        ("proof::data_integrity", "proof::jsonld"),
    ] {
        assert!(
            graph.edges.contains_key(&(from.into(), to.into())),
            "the graph misses {from} → {to}"
        );
    }
    let problems = [graph.circles(), graph.upward_arrows(LAYERS)].concat();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// The checker itself, on small crates with known faults.

fn synthetic(files: &[(&str, &str)]) -> Graph {
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(m, s)| (m.to_string(), s.to_string()))
        .collect();
    Graph::of(&files)
}

#[test]
fn checker_finds_a_circle_between_top_level_modules() {
    let g = synthetic(&[
        ("", "pub mod a;\npub mod b;\n"),
        ("a", "use crate::b::Thing;\n"),
        ("b", "pub struct Thing;\npub fn f() { crate::a::g() }\n"),
    ]);
    let circles = g.circles();
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert!(circles[0].contains("a → b → a"), "{circles:?}");
}

#[test]
fn checker_finds_a_circle_between_submodules() {
    let g = synthetic(&[
        ("p", "pub mod x;\npub mod y;\nuse x::X;\n"),
        ("p::x", "use super::y::{self, Y};\npub struct X;\n"),
        ("p::y", "pub struct Y;\nfn f() { let _ = super::x::X; }\n"),
    ]);
    let circles = g.circles();
    assert!(
        circles.iter().any(|c| c.contains("p::x → p::y → p::x")),
        "{circles:?}"
    );
}

#[test]
fn checker_finds_an_upward_arrow_and_passes_a_downward_one() {
    let up = [
        ("low", "pub fn f() { crate::high::g(); }\n"),
        ("high", "use crate::low;\npub fn g() { low::f(); }\n"),
    ];
    let down = [("low", "pub fn f() {}\n"), up[1]];
    let layers: &[&[&str]] = &[&["low"], &["high"]];
    let found = synthetic(&up).upward_arrows(layers);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("low → high"), "{found:?}");
    let found = synthetic(&down).upward_arrows(layers);
    assert!(found.is_empty(), "{found:?}");
    // One layer's modules do not name each other; a module with no layer is an error.
    assert_eq!(synthetic(&down).upward_arrows(&[&["low", "high"]]).len(), 1);
    assert_eq!(synthetic(&down).upward_arrows(&[&["high"]]).len(), 1);
}

#[test]
fn checker_ignores_comments_strings_tests_and_parents() {
    let g = synthetic(&[
        ("", "pub mod a;\npub mod b;\n"),
        (
            "a",
            r###"//! See [`crate::b::Thing`].
pub mod child;
pub struct Shared;
/* crate::b::x() */
const S: &str = "crate::b::y";
const R: &str = r#"crate::b::z"#;
fn life<'a>(s: &'a str) -> char { let _ = s; '"' }
fn uses_child() { child::f() }
#[cfg(test)]
mod tests {
    use crate::b::Thing;
}
"###,
        ),
        ("a::child", "use super::Shared;\npub fn f() {}\n"),
        ("b", "pub struct Thing;\n"),
    ]);
    let edges: Vec<_> = g.edges.keys().cloned().collect();
    assert_eq!(
        edges,
        [
            ("a".to_string(), "a::child".to_string()),
            ("a::child".to_string(), "a".to_string())
        ]
    );
    assert!(g.circles().is_empty(), "{:?}", g.circles());
}

// The graph.

/// Modules by path (`""` is the crate root, `proof::jsonld` …), each with its source.
fn read_modules(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_modules(root, &path, out);
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap().with_extension("");
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_str().unwrap().to_string())
            .collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
            parts.pop();
        }
        out.push((parts.join("::"), std::fs::read_to_string(&path).unwrap()));
    }
}

struct Graph {
    modules: BTreeSet<String>,
    /// Arrow → the first path in the code that makes it (for the message).
    edges: BTreeMap<(String, String), String>,
}

impl Graph {
    fn of(files: &[(String, String)]) -> Graph {
        let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
        let mut edges = BTreeMap::new();
        for (module, source) in files {
            for (path, target) in arrows(module, source, &modules) {
                if target != *module && !target.is_empty() && !module.is_empty() {
                    edges.entry((module.clone(), target)).or_insert(path);
                }
            }
        }
        Graph { modules, edges }
    }

    /// Circles between modules where neither contains the other, looked for at every depth
    /// (modules cut to their first `depth` segments).
    fn circles(&self) -> Vec<String> {
        let deepest = self.modules.iter().map(|m| depth(m)).max().unwrap_or(0);
        let mut found = BTreeSet::new();
        for d in 1..=deepest {
            let mut next: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for (a, b) in self.edges.keys() {
                let (a, b) = (cut(a, d), cut(b, d));
                if !contains(&a, &b) && !contains(&b, &a) {
                    next.entry(a).or_default().insert(b);
                }
            }
            for (a, targets) in &next {
                for b in targets {
                    if let Some(mut back) = route(&next, b, a) {
                        // One report per circle: start it at its smallest module.
                        back.insert(0, a.clone());
                        back.pop();
                        let start = (0..back.len()).min_by_key(|&i| &back[i]).unwrap();
                        back.rotate_left(start);
                        back.push(back[0].clone());
                        found.insert(back.join(" → "));
                    }
                }
            }
        }
        found
            .into_iter()
            .map(|c| format!("import circle: {c}"))
            .collect()
    }

    /// Arrows from a module to one of its own layer or a higher one.
    fn upward_arrows(&self, layers: &[&[&str]]) -> Vec<String> {
        let layer_of = |m: &str| layers.iter().position(|l| l.contains(&top(m)));
        let mut out = Vec::new();
        for m in &self.modules {
            if !m.is_empty() && layer_of(m).is_none() {
                out.push(format!("module {m} has no layer in LAYERS"));
            }
        }
        for ((a, b), path) in &self.edges {
            if top(a) == top(b) {
                continue;
            }
            if let (Some(la), Some(lb)) = (layer_of(a), layer_of(b)) {
                if la <= lb {
                    out.push(format!(
                        "upward arrow: {a} → {b} ({path}): {} is not above {}",
                        top(a),
                        top(b)
                    ));
                }
            }
        }
        out
    }
}

fn depth(m: &str) -> usize {
    if m.is_empty() {
        0
    } else {
        m.split("::").count()
    }
}

fn top(m: &str) -> &str {
    m.split("::").next().unwrap_or("")
}

fn cut(m: &str, d: usize) -> String {
    m.split("::").take(d).collect::<Vec<_>>().join("::")
}

/// Whether `outer` is `inner` or one of its ancestors.
fn contains(outer: &str, inner: &str) -> bool {
    inner == outer || inner.starts_with(&format!("{outer}::"))
}

/// A path of arrows from `from` to `to` (both included), if there is one.
fn route(g: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> Option<Vec<String>> {
    let mut came_from: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([from.to_string()]);
    let mut seen = BTreeSet::from([from.to_string()]);
    while let Some(m) = queue.pop_front() {
        if m == to {
            let mut path = vec![m.clone()];
            let mut at = m;
            while let Some(prev) = came_from.get(&at) {
                path.push(prev.clone());
                at = prev.clone();
            }
            path.reverse();
            return Some(path);
        }
        for n in g.get(&m).into_iter().flatten() {
            if seen.insert(n.clone()) {
                came_from.insert(n.clone(), m.clone());
                queue.push_back(n.clone());
            }
        }
    }
    None
}

// Reading paths out of Rust source.

/// Every path in `source` (module `module`) that lands in a module of `modules`: the path as
/// written and the module it lands in.
fn arrows(module: &str, source: &str, modules: &BTreeSet<String>) -> Vec<(String, String)> {
    let tokens = without_tests(&tokens(source));
    let children: BTreeSet<String> = modules
        .iter()
        .filter(|m| parent(m) == Some(module) && !m.is_empty())
        .map(|m| m.rsplit("::").next().unwrap().to_string())
        .collect();
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Vec::new();
    let mut uses = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" {
            let end = tokens[i..]
                .iter()
                .position(|t| t == ";")
                .map_or(tokens.len(), |p| i + p);
            for (path, bound) in use_paths(&tokens[i + 1..end]) {
                uses.push((path, bound));
            }
            i = end + 1;
            continue;
        }
        i += 1;
    }
    let resolve = |path: &[String], aliases: &BTreeMap<String, String>| -> Option<String> {
        let first = path.first()?;
        let mut base: Vec<String> = match first.as_str() {
            "crate" => vec![],
            "self" => split(module),
            "super" => split(parent(module)?),
            _ if aliases.contains_key(first) => split(&aliases[first]),
            _ if children.contains(first) => {
                let mut b = split(module);
                b.push(first.clone());
                b
            }
            _ => return None,
        };
        let mut rest = &path[1..];
        while rest.first().map(String::as_str) == Some("super") {
            base = split(parent(&base.join("::"))?);
            rest = &rest[1..];
        }
        for seg in rest {
            let mut longer = base.clone();
            longer.push(seg.clone());
            if modules.contains(&longer.join("::")) {
                base = longer;
            } else {
                break;
            }
        }
        Some(base.join("::"))
    };
    // Names `use` binds to modules, for paths in the code that start with them.
    for (path, bound) in &uses {
        if let (Some(target), Some(name)) = (resolve(path, &aliases), bound) {
            let last = path.last().map(String::as_str);
            let names_module = matches!(last, Some("crate" | "self" | "super"))
                || target.rsplit("::").next() == last;
            if names_module && !target.is_empty() {
                aliases.insert(name.clone(), target);
            }
        }
    }
    for (path, _) in &uses {
        if let Some(target) = resolve(path, &aliases) {
            out.push((format!("use {}", path.join("::")), target));
        }
    }
    // Paths in the code, outside `use`.
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "use" {
            i += tokens[i..]
                .iter()
                .position(|t| t == ";")
                .unwrap_or(tokens.len());
            continue;
        }
        let starts_path = is_ident(&tokens[i])
            && tokens.get(i + 1).map(String::as_str) == Some("::")
            && (i == 0 || tokens[i - 1] != "::");
        if starts_path {
            let mut path = vec![tokens[i].clone()];
            let mut j = i + 1;
            while tokens.get(j).map(String::as_str) == Some("::")
                && tokens.get(j + 1).is_some_and(|t| is_ident(t))
            {
                path.push(tokens[j + 1].clone());
                j += 2;
            }
            if let Some(target) = resolve(&path, &aliases) {
                out.push((path.join("::"), target));
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

fn split(m: &str) -> Vec<String> {
    if m.is_empty() {
        vec![]
    } else {
        m.split("::").map(String::from).collect()
    }
}

fn parent(m: &str) -> Option<&str> {
    if m.is_empty() {
        None
    } else {
        Some(m.rsplit_once("::").map_or("", |(p, _)| p))
    }
}

fn is_ident(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The paths of a use tree (the tokens between `use` and `;`), each with the name it binds
/// (`None` for a glob).
fn use_paths(tokens: &[String]) -> Vec<(Vec<String>, Option<String>)> {
    fn tree(
        tokens: &[String],
        i: &mut usize,
        prefix: &[String],
        out: &mut Vec<(Vec<String>, Option<String>)>,
    ) {
        let mut path = prefix.to_vec();
        while *i < tokens.len() {
            match tokens[*i].as_str() {
                "::" => *i += 1,
                "{" => {
                    *i += 1;
                    while *i < tokens.len() && tokens[*i] != "}" {
                        tree(tokens, i, &path, out);
                        if tokens.get(*i).map(String::as_str) == Some(",") {
                            *i += 1;
                        }
                    }
                    *i += 1;
                    return;
                }
                "*" => {
                    *i += 1;
                    out.push((path, None));
                    return;
                }
                "," | "}" => break,
                "as" => {
                    let name = tokens.get(*i + 1).cloned();
                    *i += 2;
                    out.push((path, name));
                    return;
                }
                // `self` in a group names the group's module (and binds its name).
                "self" if !path.is_empty() => *i += 1,
                t => {
                    path.push(t.to_string());
                    *i += 1;
                }
            }
        }
        let name = path.last().cloned();
        out.push((path, name));
    }
    let start = usize::from(tokens.first().map(String::as_str) == Some("::"));
    let mut out = Vec::new();
    let mut i = start;
    tree(tokens, &mut i, &[], &mut out);
    out
}

/// The tokens without items under `#[cfg(test)]`.
fn without_tests(tokens: &[String]) -> Vec<String> {
    const CFG_TEST: [&str; 7] = ["#", "[", "cfg", "(", "test", ")", "]"];
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i..].starts_with(&CFG_TEST.map(String::from)) {
            i += CFG_TEST.len();
            // Other attributes of the item.
            while tokens.get(i).map(String::as_str) == Some("#") {
                i += 1;
                i = past_group(tokens, i);
            }
            // The item: up to its `;` or through its braces.
            while i < tokens.len() && tokens[i] != ";" && tokens[i] != "{" {
                i += 1;
            }
            i = if tokens.get(i).map(String::as_str) == Some("{") {
                past_group(tokens, i)
            } else {
                i + 1
            };
            continue;
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

/// The index after the bracketed group that opens at `i` (`[`, `(` or `{`).
fn past_group(tokens: &[String], mut i: usize) -> usize {
    let mut level = 0usize;
    while i < tokens.len() {
        match tokens[i].as_str() {
            "[" | "(" | "{" => level += 1,
            "]" | ")" | "}" => {
                level = level.saturating_sub(1);
                if level == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// Identifiers, `::` and single punctuation characters; comments, strings and character
/// literals dropped (a literal becomes the token `""`), lifetimes dropped.
fn tokens(source: &str) -> Vec<String> {
    let c: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut level = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    level += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    level -= 1;
                    i += 2;
                    if level == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if ch == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push("\"\"".to_string());
        } else if ch == '\'' {
            if at(i + 1) == '\\' {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                // A lifetime or label.
                i += 1;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
                continue;
            }
            out.push("\"\"".to_string());
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            // Raw strings: r"…", r#"…"#, br#"…"#.
            if (word == "r" || word == "br") && (at(i) == '"' || at(i) == '#') {
                let mut hashes = 0;
                while at(i + hashes) == '#' {
                    hashes += 1;
                }
                if at(i + hashes) == '"' {
                    i += hashes + 1;
                    loop {
                        if i >= c.len() {
                            break;
                        }
                        if c[i] == '"' && (0..hashes).all(|k| at(i + 1 + k) == '#') {
                            i += 1 + hashes;
                            break;
                        }
                        i += 1;
                    }
                    out.push("\"\"".to_string());
                    continue;
                }
                if word == "r" && hashes == 1 {
                    // A raw identifier, r#name.
                    i += 1;
                    continue;
                }
            }
            out.push(word);
        } else if ch == ':' && at(i + 1) == ':' {
            out.push("::".to_string());
            i += 2;
        } else if ch.is_whitespace() {
            i += 1;
        } else {
            out.push(ch.to_string());
            i += 1;
        }
    }
    out
}
