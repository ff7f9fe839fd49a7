//! Saved web pages: decode (BOM, meta charset, detection), parse with
//! html5ever through `scraper`, and keep the article's readable text.

use crate::IngestError;
use crate::decode::{self, normalize_newlines};
use encoding_rs::Encoding;
use regex::bytes::Regex as BytesRegex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// A page's readable text.
#[derive(Debug)]
pub(crate) struct Page {
    /// The headline (the `<h1>`, else the `<title>`) on the first line, then
    /// the article's paragraphs separated by blank lines.
    pub text: String,
    /// The encoding the bytes were read with.
    pub encoding: String,
    /// The `<title>`, white space collapsed.
    pub title: Option<String>,
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "template", "button", "select", "textarea", "input", "canvas", "object", "embed", "head",
    "title", "dialog", "menu", "audio", "video", "map",
];

/// Elements after which a paragraph ends (a blank line).
const PARAGRAPH: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "table",
    "figure",
    "pre",
    "address",
    "hr",
    "details",
];

/// Elements after which a line ends.
const LINE: &[&str] = &[
    "div",
    "li",
    "br",
    "tr",
    "dt",
    "dd",
    "figcaption",
    "caption",
    "summary",
    "legend",
    "center",
];

/// Table cells: separated by a space on their row's line.
const CELL: &[&str] = &["td", "th"];

static META_CHARSET: LazyLock<Option<BytesRegex>> = LazyLock::new(|| {
    BytesRegex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#).ok()
});

/// Reads a saved web page.
pub(crate) fn read_html(bytes: &[u8]) -> Result<Page, IngestError> {
    let declared = declared_charset(bytes);
    let decoded = decode::decode_text(bytes, declared)?;
    let doc = Html::parse_document(&decoded.text);
    let title = select_first(&doc, "title")
        .map(|t| collapse(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let root = content_root(&doc);
    // The first visible <h1> of the article, else of the page (a site logo
    // in a dropped <header> is not a headline).
    let h1_sel = selector("h1");
    let visible = |h: &ElementRef<'_>| {
        !is_dropped(h.value())
            && !h
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| is_dropped(a.value()))
    };
    let h1 = h1_sel.as_ref().and_then(|sel| {
        root.and_then(|r| r.select(sel).find(visible))
            .or_else(|| doc.select(sel).find(visible))
    });
    let mut out = TextBuilder::default();
    let headline = h1
        .map(|h| collapse(&h.text().collect::<String>()))
        .filter(|h| !h.is_empty())
        .or_else(|| title.as_deref().map(strip_site_name));
    if let Some(h) = &headline {
        out.push_text(h);
        out.block_end(2);
    }
    if let Some(root) = root {
        walk(root, h1, &mut out);
    }
    Ok(Page {
        text: out.finish(),
        encoding: decoded.encoding,
        title,
    })
}

/// The encoding a `<meta charset>` or `http-equiv` declares in the first
/// 4 KiB. UTF-16 labels in an ASCII-compatible file mean UTF-8 (as browsers
/// treat them).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let re = META_CHARSET.as_ref()?;
    let label = re.captures(head)?.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    Some(enc)
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn select_first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let sel = selector(css)?;
    doc.select(&sel).next()
}

/// Where the article is: the `<article>` with the most text, else `<main>`
/// (or `role=main`), else `<body>`, else the whole document.
fn content_root(doc: &Html) -> Option<ElementRef<'_>> {
    if let Some(sel) = selector("article") {
        let best = doc
            .select(&sel)
            .map(|a| (a.text().map(str::len).sum::<usize>(), a))
            .max_by_key(|(len, _)| *len);
        if let Some((len, a)) = best
            && len > 0
        {
            return Some(a);
        }
    }
    select_first(doc, "main")
        .or_else(|| select_first(doc, "[role=main]"))
        .or_else(|| select_first(doc, "body"))
        .or_else(|| Some(doc.root_element()))
}

/// True when an element and its content are not article text.
fn is_dropped(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if DROPPED.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    matches!(
        el.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog")
    )
}

/// Appends the readable text under `root` to `out`, skipping dropped
/// elements and the headline already written (`skip`). Iterative, so that
/// deeply nested pages cannot overflow the stack.
fn walk<'a>(root: ElementRef<'a>, skip: Option<ElementRef<'a>>, out: &mut TextBuilder) {
    // (node, true when its children are done)
    let mut stack = vec![(*root, false)];
    let mut pre = 0usize;
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(el) => {
                let name = el.name();
                if closing {
                    if name == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                    boundary(name, out);
                    continue;
                }
                if is_dropped(el) || skip.is_some_and(|h| *h == node) {
                    continue;
                }
                if name == "pre" {
                    pre += 1;
                }
                boundary(name, out);
                stack.push((node, true));
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            Node::Text(t) => {
                if pre > 0 {
                    out.push_pre(t);
                } else {
                    out.push_text(t);
                }
            }
            Node::Document | Node::Fragment => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
}

/// The break an element's start or end makes in the text.
fn boundary(name: &str, out: &mut TextBuilder) {
    if PARAGRAPH.contains(&name) {
        out.block_end(2);
    } else if LINE.contains(&name) {
        out.block_end(1);
    } else if CELL.contains(&name) {
        out.space();
    }
}

/// Builds text from inline pieces and block boundaries: collapses white
/// space, turns block ends into line breaks (1) or blank lines (2).
#[derive(Default)]
struct TextBuilder {
    out: String,
    /// Line breaks owed before the next text (0, 1 or 2).
    breaks: u8,
    /// A space is owed before the next text.
    space: bool,
}

impl TextBuilder {
    fn block_end(&mut self, n: u8) {
        if !self.out.is_empty() {
            self.breaks = self.breaks.max(n);
        }
        self.space = false;
    }

    fn space(&mut self) {
        if !self.out.is_empty() && self.breaks == 0 {
            self.space = true;
        }
    }

    fn flush(&mut self) {
        if self.breaks > 0 {
            for _ in 0..self.breaks {
                self.out.push('\n');
            }
            self.breaks = 0;
            self.space = false;
        } else if self.space {
            self.out.push(' ');
            self.space = false;
        }
    }

    fn push_text(&mut self, text: &str) {
        for (i, word) in text
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            if i == 0 && text.starts_with(char::is_whitespace) || i > 0 {
                self.space();
            }
            self.flush();
            self.out.push_str(word);
        }
        if text.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    fn push_pre(&mut self, text: &str) {
        let text = normalize_newlines(text);
        if text.is_empty() {
            return;
        }
        self.flush();
        self.out.push_str(&text);
    }

    fn finish(self) -> String {
        // Trim every line and allow at most one blank line in a row.
        let mut out = String::with_capacity(self.out.len());
        let mut blank = 0;
        for line in self.out.lines() {
            let line = line.trim();
            if line.is_empty() {
                blank += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank > 0 { "\n\n" } else { "\n" });
            }
            blank = 0;
            out.push_str(line);
        }
        out
    }
}

/// Collapses runs of white space (including no-break spaces) to one space.
fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Drops a trailing site name from a page title: "Headline | Site" or
/// "Headline - Site" when the last part is short and the rest is longer.
pub(crate) fn strip_site_name(title: &str) -> String {
    match split_site_name(title) {
        Some((head, _)) => head.to_string(),
        None => title.trim().to_string(),
    }
}

/// The site's name at the end of a page title ("Example News" in "Bag
/// cluster opens | Example News").
pub(crate) fn site_name(title: &str) -> Option<String> {
    split_site_name(title).map(|(_, tail)| tail.to_string())
}

/// A page title split into headline and site name: the part after the last
/// separator when it is short (four words at most) and shorter than the
/// headline.
fn split_site_name(title: &str) -> Option<(&str, &str)> {
    for sep in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let head_words = head.split_whitespace().count();
            let tail_words = tail.split_whitespace().count();
            if tail_words <= 4 && head_words > tail_words && !tail.trim().is_empty() {
                return Some((head.trim(), tail.trim()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> (String, Option<String>) {
        let page = read_html(html.as_bytes());
        page.map(|p| (p.text, p.title)).unwrap_or_default()
    }

    #[test]
    fn keeps_article_paragraphs_and_drops_furniture() {
        let html = r#"<!doctype html><html><head><title>Big news | Site</title>
            <style>p{color:red}</style><script>var x = "Rs 5 crore";</script></head>
            <body><nav><a href="/">Home</a> <a>Business</a></nav>
            <header>Site header</header>
            <article><h1>Town  gets a   cluster</h1>
            <p>First <b>paragraph</b> here.<br>Second line.</p>
            <div>Another&nbsp;block</div><ul><li>one</li><li>two</li></ul>
            <aside>Related links</aside><form>Subscribe</form></article>
            <footer>Copyright</footer></body></html>"#;
        let (text, title) = text_of(html);
        assert_eq!(title.as_deref(), Some("Big news | Site"));
        assert_eq!(
            text,
            "Town gets a cluster\n\nFirst paragraph here.\nSecond line.\n\nAnother block\n\none\ntwo"
        );
    }

    #[test]
    fn body_is_used_without_article_and_title_heads_it() {
        let html = "<html><head><title>Jobs rise in Surat - The Paper</title></head>\
                    <body><p>Body text one.</p><table><tr><td>a</td><td>b</td></tr></table></body></html>";
        let (text, _) = text_of(html);
        assert_eq!(text, "Jobs rise in Surat\n\nBody text one.\n\na b");
    }

    #[test]
    fn logo_heading_in_header_is_not_the_headline() {
        let html = "<html><head><title>Units reopen after the floods in Surat | Paper</title></head>\
                    <body><header><h1>The Paper</h1></header><div><p>Units reopened.</p></div></body></html>";
        let (text, _) = text_of(html);
        assert_eq!(
            text,
            "Units reopen after the floods in Surat\n\nUnits reopened."
        );
    }

    #[test]
    fn meta_charset_is_honoured() {
        let mut bytes =
            b"<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><p>".to_vec();
        bytes.extend_from_slice(b"\x93Quoted\x94 text</p></body></html>");
        let page = read_html(&bytes);
        let got = page.map(|p| (p.text, p.encoding)).ok();
        assert_eq!(
            got,
            Some(("T\n\n“Quoted” text".to_string(), "windows-1252".to_string()))
        );
    }

    #[test]
    fn site_names_are_stripped_from_titles() {
        let cases = [
            ("Headline about bags | Fibre Site", "Headline about bags"),
            (
                "Odisha approves Rs 44,793 cr - NewsDrum",
                "Odisha approves Rs 44,793 cr",
            ),
            ("Plain headline", "Plain headline"),
            ("A - B", "A - B"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_site_name(input), want);
        }
    }
}
