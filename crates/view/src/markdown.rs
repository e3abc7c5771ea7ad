//! Markdown narratives (criteria, evidence, endorsement comments) as text blocks, never markup.

use crate::safe_urls::is_http_url;

/// A piece of inline Markdown, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Em(String),
    Code(String),
    /// A link, kept only if its target is http(s); otherwise it becomes text.
    Link {
        text: String,
        url: String,
    },
}

/// A block of a Markdown narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// The small Markdown subset badge narratives use (paragraphs, headings, `-`/`*`/`1.` lists,
/// `**strong**`, `*em*`, `` `code` ``, `[text](url)`), as text blocks. Raw HTML stays literal
/// text; nothing here is ever parsed as markup by the page.
pub fn markdown_blocks(md: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    let flush_para = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inlines(&para.join(" "))));
            para.clear();
        }
    };
    let flush_list = |list: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
        if !list.is_empty() {
            blocks.push(Block::List(std::mem::take(list)));
        }
    };
    for line in md.lines().take(500) {
        let t = line.trim();
        if t.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
        } else if let Some(h) = heading(t) {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            blocks.push(Block::Heading(inlines(h)));
        } else if let Some(item) = list_item(t) {
            flush_para(&mut para, &mut blocks);
            list.push(inlines(item));
        } else if !list.is_empty() && line.starts_with([' ', '\t']) {
            // A continuation line of the last list item.
            if let Some(last) = list.last_mut() {
                last.push(Inline::Text(" ".into()));
                last.extend(inlines(t));
            }
        } else {
            flush_list(&mut list, &mut blocks);
            para.push(t);
        }
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut list, &mut blocks);
    blocks
}

fn heading(t: &str) -> Option<&str> {
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        t[hashes..].strip_prefix(' ').map(str::trim)
    } else {
        None
    }
}

fn list_item(t: &str) -> Option<&str> {
    if let Some(rest) = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
    {
        return Some(rest.trim());
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &t[digits..];
        return rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix(") "))
            .map(str::trim);
    }
    None
}

/// Inline spans of one line of text.
fn inlines(s: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let span = match c {
            '*' | '_' if rest[1..].starts_with(c) => {
                delimited(rest, if c == '*' { "**" } else { "__" })
                    .map(|(inner, n)| (Inline::Strong(inner.to_string()), n))
            }
            '*' | '_' => delimited(rest, if c == '*' { "*" } else { "_" })
                .filter(|(inner, _)| !inner.starts_with(' '))
                .map(|(inner, n)| (Inline::Em(inner.to_string()), n)),
            '`' => delimited(rest, "`").map(|(inner, n)| (Inline::Code(inner.to_string()), n)),
            '[' => link(rest),
            _ => None,
        };
        match span {
            Some((inline, consumed)) => {
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                out.push(inline);
                rest = &rest[consumed..];
            }
            None => {
                let skip = c.len_utf8();
                let n = rest[skip..]
                    .find(['*', '_', '`', '['])
                    .map_or(rest.len(), |i| i + skip);
                text.push_str(&rest[..n]);
                rest = &rest[n..];
            }
        }
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

/// `<d>inner<d>` at the start of `s`: (inner, bytes consumed).
fn delimited<'a>(s: &'a str, d: &str) -> Option<(&'a str, usize)> {
    let body = &s[d.len()..];
    let end = body.find(d)?;
    (end > 0).then(|| (&body[..end], d.len() * 2 + end))
}

/// `[text](url)` at the start of `s`.
fn link(s: &str) -> Option<(Inline, usize)> {
    let close = s.find("](")?;
    let text = &s[1..close];
    if text.contains('[') {
        return None;
    }
    let after = &s[close + 2..];
    let end = after.find(')')?;
    let url = after[..end].trim();
    let consumed = close + 2 + end + 1;
    let inline = if is_http_url(url) {
        Inline::Link {
            text: text.to_string(),
            url: url.to_string(),
        }
    } else {
        Inline::Text(text.to_string())
    };
    Some((inline, consumed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_text_blocks_and_html_stays_text() {
        let b = markdown_blocks(
            "# Criteria\n\nDo **this** and *that*, see [docs](https://d.example) \
             or [bad](javascript:void).\n\n- one `x`\n- <script>alert(1)</script>\n",
        );
        assert_eq!(
            b,
            vec![
                Block::Heading(vec![Inline::Text("Criteria".into())]),
                Block::Paragraph(vec![
                    Inline::Text("Do ".into()),
                    Inline::Strong("this".into()),
                    Inline::Text(" and ".into()),
                    Inline::Em("that".into()),
                    Inline::Text(", see ".into()),
                    Inline::Link {
                        text: "docs".into(),
                        url: "https://d.example".into()
                    },
                    Inline::Text(" or ".into()),
                    Inline::Text("bad".into()),
                    Inline::Text(".".into()),
                ]),
                Block::List(vec![
                    vec![Inline::Text("one ".into()), Inline::Code("x".into())],
                    vec![Inline::Text("<script>alert(1)</script>".into())],
                ]),
            ]
        );
    }

    #[test]
    fn markdown_edge_cases_do_not_panic() {
        for s in [
            "*",
            "**",
            "[",
            "[a](",
            "`",
            "_a",
            "1.",
            "#",
            "######## x",
            "中文*強調*",
            "a * b",
        ] {
            let _ = markdown_blocks(s);
        }
        assert_eq!(
            markdown_blocks("a * b"),
            vec![Block::Paragraph(vec![Inline::Text("a * b".into())])]
        );
        assert_eq!(
            markdown_blocks("中文*強調*"),
            vec![Block::Paragraph(vec![
                Inline::Text("中文".into()),
                Inline::Em("強調".into())
            ])]
        );
    }
}
