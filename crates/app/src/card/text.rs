//! Badge text as text nodes: links only to http(s), Markdown narratives as text blocks.

use badge_view::markdown::{self, Block, Inline};
use badge_view::safe_urls;
use leptos::prelude::*;

pub fn safe_link(url: Option<&String>, text: String) -> AnyView {
    match url.filter(|u| safe_urls::is_http_url(u)) {
        Some(u) => view! { <a href=u.clone() target="_blank" rel="noopener noreferrer nofollow">{text}</a> }
            .into_any(),
        None => view! { <span>{text}</span> }.into_any(),
    }
}

fn inline_view(parts: Vec<Inline>) -> AnyView {
    parts
        .into_iter()
        .map(|i| match i {
            Inline::Text(s) => view! { <span>{s}</span> }.into_any(),
            Inline::Strong(s) => view! { <strong>{s}</strong> }.into_any(),
            Inline::Em(s) => view! { <em>{s}</em> }.into_any(),
            Inline::Code(s) => view! { <code>{s}</code> }.into_any(),
            Inline::Link { text, url } => {
                view! { <a href=url target="_blank" rel="noopener noreferrer nofollow">{text}</a> }
                    .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// A Markdown narrative as text blocks (see [`markdown::markdown_blocks`]).
pub fn markdown_view(md: &str) -> AnyView {
    markdown::markdown_blocks(md)
        .into_iter()
        .map(|b| match b {
            Block::Heading(i) => view! { <h4>{inline_view(i)}</h4> }.into_any(),
            Block::Paragraph(i) => view! { <p>{inline_view(i)}</p> }.into_any(),
            Block::List(items) => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{inline_view(i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}
