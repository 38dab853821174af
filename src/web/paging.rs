//! Bounded pages: a list that can grow without end (sheets kept aside, waves, users, the register)
//! is shown one page at a time, and a long text in a list or table is shortened on screen (the
//! whole text stays on its own page or in the download). So no page grows with the data.

use maud::{html, Markup};

use crate::web::i18n::{t, t_args, Lang};

/// Rows on one page of a list.
pub const PAGE_ROWS: i64 = 50;

/// Characters of a text shown in a list or table before it is shortened.
pub const SHOWN_CHARS: usize = 300;

/// One page of a list: which page (from 1) and how many rows there are in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Page number, 1 to [`Page::pages`].
    pub number: i64,
    /// Rows per page.
    pub size: i64,
    /// Rows in the whole list.
    pub total: i64,
}

impl Page {
    /// The page asked for (`?pagina=`), kept within the pages there are.
    pub fn new(asked: Option<i64>, size: i64, total: i64) -> Page {
        let size = size.max(1);
        let pages = Self::count(size, total);
        Page {
            number: asked.unwrap_or(1).clamp(1, pages),
            size,
            total: total.max(0),
        }
    }

    fn count(size: i64, total: i64) -> i64 {
        ((total.max(0) + size - 1) / size).max(1)
    }

    /// Number of pages (at least 1).
    pub fn pages(&self) -> i64 {
        Self::count(self.size, self.total)
    }

    /// Rows to skip for this page.
    pub fn offset(&self) -> i64 {
        (self.number - 1) * self.size
    }

    /// The range of rows of a list held in memory that this page shows.
    pub fn range(&self, len: usize) -> std::ops::Range<usize> {
        let start = (self.offset() as usize).min(len);
        start..(start + self.size as usize).min(len)
    }
}

/// Links to the previous and next page (none when everything fits on one page). `href` makes the
/// address of a page number.
pub fn nav(lang: Lang, page: &Page, href: impl Fn(i64) -> String) -> Markup {
    let pages = page.pages();
    html! {
        @if pages > 1 {
            nav.pager aria-label=(t(lang, "paging-label")) {
                ul.pages {
                    @if page.number > 1 { li { a href=(href(page.number - 1)) rel="prev" { (t(lang, "paging-previous")) } } }
                    li aria-current="page" { (t_args(lang, "paging-status", &[("page", &page.number.to_string()), ("pages", &pages.to_string())])) }
                    @if page.number < pages { li { a href=(href(page.number + 1)) rel="next" { (t(lang, "paging-next")) } } }
                }
            }
        }
    }
}

/// A text as a list shows it: whole up to `max` characters, otherwise its start, an ellipsis and
/// how long it is (so the shortening is never silent).
pub fn short_text(lang: Lang, text: &str, max: usize) -> Markup {
    match text.char_indices().nth(max) {
        None => html! { (text) },
        Some((cut, _)) => {
            let n = crate::fmt::grouped(text.chars().count() as u64);
            html! {
                (&text[..cut]) "… "
                span.shortened { "(" (t_args(lang, "text-shortened", &[("n", &n)])) ")" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_stay_within_the_list() {
        let p = Page::new(Some(3), 50, 120);
        assert_eq!((p.number, p.pages(), p.offset()), (3, 3, 100));
        assert_eq!(p.range(120), 100..120);
        assert_eq!(Page::new(Some(99), 50, 120).number, 3);
        assert_eq!(Page::new(Some(-4), 50, 120).number, 1);
        assert_eq!(Page::new(None, 50, 0).pages(), 1);
        assert_eq!(Page::new(None, 50, 0).range(0), 0..0);
    }

    #[test]
    fn long_texts_are_shortened_and_say_so() {
        let long = "é".repeat(1000);
        let shown = short_text(Lang::Nl, &long, 10).into_string();
        assert!(shown.starts_with(&"é".repeat(10)));
        assert!(shown.contains("1.000"), "{shown}");
        assert!(shown.len() < 200);
        assert_eq!(short_text(Lang::Nl, "kort", 10).into_string(), "kort");
    }
}
