//! Rendered public pages for anonymous visitors. Pages such as the start page depend only on the
//! language and the configured municipality, so each is rendered once per language and process and
//! then served from memory. Pages with forms (a CSRF token) or for logged-in staff are never cached.
//! Losing the cache (restart, another instance) only costs one render.

use std::collections::HashMap;
use std::sync::RwLock;

use actix_web::web::Bytes;
use actix_web::HttpResponse;
use maud::Markup;

use crate::web::context::Ctx;
use crate::web::i18n::Lang;

/// Cache of rendered pages keyed by page name and language.
#[derive(Default)]
pub struct PageCache {
    pages: RwLock<HashMap<(&'static str, Lang), Bytes>>,
}

impl PageCache {
    /// The page `name` for this visitor: from the cache when anonymous, otherwise freshly rendered.
    pub fn serve(
        &self,
        name: &'static str,
        ctx: &Ctx,
        render: impl FnOnce(&Ctx) -> Markup,
    ) -> HttpResponse {
        let body = if ctx.user.is_some() {
            Bytes::from(render(ctx).into_string())
        } else {
            self.get_or_render(name, ctx, render)
        };
        HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(body)
    }

    fn get_or_render(
        &self,
        name: &'static str,
        ctx: &Ctx,
        render: impl FnOnce(&Ctx) -> Markup,
    ) -> Bytes {
        let key = (name, ctx.lang);
        if let Ok(pages) = self.pages.read() {
            if let Some(b) = pages.get(&key) {
                return b.clone();
            }
        }
        let body = Bytes::from(render(ctx).into_string());
        // A page with a form carries this visitor's CSRF token: never share it.
        if !ctx.csrf_used() {
            if let Ok(mut pages) = self.pages.write() {
                pages.insert(key, body.clone());
            }
        }
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn pages_are_rendered_once_per_language_unless_they_carry_a_form() {
        let cache = PageCache::default();
        let renders = Cell::new(0);
        let plain = |ctx: &Ctx| {
            renders.set(renders.get() + 1);
            maud::html! { p { (ctx.lang.code()) } }
        };
        for _ in 0..3 {
            cache.serve("plain", &Ctx::anonymous(Lang::Nl, "/", "G"), plain);
        }
        cache.serve("plain", &Ctx::anonymous(Lang::Ar, "/", "G"), plain);
        assert_eq!(renders.get(), 2);
        let with_form = |ctx: &Ctx| {
            renders.set(renders.get() + 1);
            maud::html! { input value=(ctx.csrf_token()); }
        };
        cache.serve("form", &Ctx::anonymous(Lang::Nl, "/", "G"), with_form);
        cache.serve("form", &Ctx::anonymous(Lang::Nl, "/", "G"), with_form);
        assert_eq!(renders.get(), 4, "a page with a CSRF token is never cached");
    }
}
