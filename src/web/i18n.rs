//! UI languages and strings. Texts live in `locales/<lang>/main.ftl` (Project Fluent), compiled into
//! the binary; Dutch is the default and the fallback. A unit test fails when a key is missing in any language.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the interface is offered in. Stored as TEXT under [`Lang::code`] (a complaint's
/// language); reading a code that names no offered language is an error, never Dutch.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, diesel::AsExpression, diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Lang {
    /// Nederlands (default).
    #[default]
    Nl,
    /// English.
    En,
    /// العربية (right to left).
    Ar,
    /// Türkçe.
    Tr,
    /// Polski.
    Pl,
    /// Українська.
    Uk,
}

impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for Lang
where
    DB: diesel::backend::Backend,
    String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
        let code = String::from_sql(bytes)?;
        Lang::from_code(&code).ok_or_else(|| format!("unknown Lang code {code:?}").into())
    }
}

impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for Lang
where
    DB: diesel::backend::Backend,
    str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
{
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, DB>,
    ) -> diesel::serialize::Result {
        <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(self.code(), out)
    }
}

/// A language is written in JSON as its code (a letter's stored facts).
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Reading a code that names no offered language is an error, never Dutch.
impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Lang::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language {code:?}")))
    }
}

impl Lang {
    /// Every language, in the order of the language switch.
    pub const ALL: [Lang; 6] = [Lang::Nl, Lang::En, Lang::Ar, Lang::Tr, Lang::Pl, Lang::Uk];

    /// BCP 47 code, used in `lang` attributes, URLs and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Tr => "tr",
            Lang::Pl => "pl",
            Lang::Uk => "uk",
        }
    }

    /// The language's own name, as shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Tr => "Türkçe",
            Lang::Pl => "Polski",
            Lang::Uk => "Українська",
        }
    }

    /// Writing direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language for a code such as `en` or `en-GB`, if offered.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best offered language for an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|v| v.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            if let Some(lang) = Lang::from_code(tag) {
                if q > 0.0 && best.is_none_or(|(_, bq)| q > bq) {
                    best = Some((lang, q));
                }
            }
        }
        best.map(|(l, _)| l)
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Nl => concat!(
                include_str!("../../locales/nl/main.ftl"),
                "\n",
                include_str!("../../locales/nl/surveys.ftl"),
                "\n",
                include_str!("../../locales/nl/complaints.ftl"),
                "\n",
                include_str!("../../locales/nl/public.ftl")
            ),
            Lang::En => concat!(
                include_str!("../../locales/en/main.ftl"),
                "\n",
                include_str!("../../locales/en/surveys.ftl"),
                "\n",
                include_str!("../../locales/en/complaints.ftl"),
                "\n",
                include_str!("../../locales/en/public.ftl")
            ),
            Lang::Ar => concat!(
                include_str!("../../locales/ar/main.ftl"),
                "\n",
                include_str!("../../locales/ar/surveys.ftl"),
                "\n",
                include_str!("../../locales/ar/complaints.ftl"),
                "\n",
                include_str!("../../locales/ar/public.ftl")
            ),
            Lang::Tr => concat!(
                include_str!("../../locales/tr/main.ftl"),
                "\n",
                include_str!("../../locales/tr/surveys.ftl"),
                "\n",
                include_str!("../../locales/tr/complaints.ftl"),
                "\n",
                include_str!("../../locales/tr/public.ftl")
            ),
            Lang::Pl => concat!(
                include_str!("../../locales/pl/main.ftl"),
                "\n",
                include_str!("../../locales/pl/surveys.ftl"),
                "\n",
                include_str!("../../locales/pl/complaints.ftl"),
                "\n",
                include_str!("../../locales/pl/public.ftl")
            ),
            Lang::Uk => concat!(
                include_str!("../../locales/uk/main.ftl"),
                "\n",
                include_str!("../../locales/uk/surveys.ftl"),
                "\n",
                include_str!("../../locales/uk/complaints.ftl"),
                "\n",
                include_str!("../../locales/uk/public.ftl")
            ),
        }
    }

    fn index(self) -> usize {
        Lang::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

/// All loaded bundles.
pub struct Locales {
    bundles: Vec<FluentBundle<FluentResource>>,
}

/// The strings of every language; built once, at first use (start-up checks it, see [`Locales::check`]).
static LOCALES: LazyLock<Locales> = LazyLock::new(|| match Locales::load() {
    Ok(l) => l,
    // The files are compiled in and checked by unit tests; a failure here is a build defect.
    Err(e) => panic!("UI strings cannot be loaded: {e}"),
});

impl Locales {
    fn load() -> Result<Locales, String> {
        let mut bundles = Vec::new();
        for lang in Lang::ALL {
            let resource = FluentResource::try_new(lang.source().to_string())
                .map_err(|(_, errs)| format!("locales/{}/main.ftl: {errs:?}", lang.code()))?;
            let id: LanguageIdentifier = lang
                .code()
                .parse()
                .map_err(|e| format!("{}: {e}", lang.code()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks would end up inside attributes and titles; `dir` on the page handles direction.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errs| format!("locales/{}/main.ftl: {errs:?}", lang.code()))?;
            bundles.push(bundle);
        }
        Ok(Locales { bundles })
    }

    /// Forces loading at start-up, so that a broken strings file stops the server before it listens.
    pub fn check() -> Result<(), String> {
        std::panic::catch_unwind(|| LazyLock::force(&LOCALES))
            .map(|_| ())
            .map_err(|_| "UI strings cannot be loaded".to_string())
    }

    /// Every message key of a language (for the completeness test).
    pub fn keys(lang: Lang) -> Vec<String> {
        let mut keys: Vec<String> = lang
            .source()
            .lines()
            .filter_map(|l| {
                let (k, _) = l.split_once('=')?;
                let k = k.trim();
                let first = k.chars().next()?;
                (first.is_ascii_lowercase() && !l.starts_with(' ')).then(|| k.to_string())
            })
            .collect();
        keys.sort();
        keys
    }
}

fn format(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    for l in [lang, Lang::Nl] {
        let bundle = &LOCALES.bundles[l.index()];
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = vec![];
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    tracing::warn!(key, "missing UI string");
    key.to_string()
}

/// The text for `key` in `lang` (Dutch when missing, the key itself when missing everywhere).
pub fn t(lang: Lang, key: &str) -> String {
    format(lang, key, None)
}

/// The text for `key` with named arguments, e.g. `layout-logged-in-as` with `name`.
pub fn t_args(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, FluentValue::from(v.to_string()));
    }
    format(lang, key, Some(&fa))
}

/// The text for `key` about `n` things, with `n` passed as a number so that the language's plural
/// rules choose the wording (`{ $n -> [one] 1 brief ligt *[other] { $n } brieven liggen }`).
pub fn t_count(lang: Lang, key: &str, n: i64) -> String {
    let mut fa = FluentArgs::new();
    fa.set("n", FluentValue::from(n));
    format(lang, key, Some(&fa))
}

/// The text for `key` with numbers and texts: each number is passed as a number, so the
/// language's plural rules can choose the wording by it (`{ $total -> [one] … *[other] … }`).
pub fn t_nums(lang: Lang, key: &str, numbers: &[(&str, i64)], texts: &[(&str, &str)]) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in numbers {
        fa.set(*k, FluentValue::from(*v));
    }
    for (k, v) in texts {
        fa.set(*k, FluentValue::from(v.to_string()));
    }
    format(lang, key, Some(&fa))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_its_code_in_json_and_an_unknown_code_does_not_read() {
        for l in Lang::ALL {
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.code()));
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), l);
        }
        assert!(serde_json::from_str::<Lang>("\"xx\"").is_err());
    }

    #[test]
    fn counts_choose_the_plural_form() {
        assert_eq!(
            t_count(Lang::Nl, "case-letters-waiting", 1),
            "1 brief ligt klaar om te printen"
        );
        assert_eq!(
            t_count(Lang::Nl, "case-letters-waiting", 3),
            "3 brieven liggen klaar om te printen"
        );
        assert_eq!(
            t_count(Lang::En, "case-letters-waiting", 1),
            "1 letter is ready to print"
        );
    }

    #[test]
    fn every_language_has_every_key() {
        let reference = Locales::keys(Lang::Nl);
        assert!(reference.len() > 20);
        for lang in Lang::ALL {
            let keys = Locales::keys(lang);
            let missing: Vec<&String> = reference.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<&String> = keys.iter().filter(|k| !reference.contains(k)).collect();
            assert!(
                missing.is_empty(),
                "{}: missing keys {missing:?}",
                lang.code()
            );
            assert!(
                extra.is_empty(),
                "{}: keys not in Dutch {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_file_parses() {
        assert!(Locales::check().is_ok());
    }

    /// Every key the code asks for with a literal exists in Dutch (and so, by the test above, everywhere).
    #[test]
    fn every_key_used_in_code_exists() {
        let known = Locales::keys(Lang::Nl);
        let mut missing = vec![];
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in [
                    "t(lang, \"",
                    "t(ctx.lang, \"",
                    "t_args(lang, \"",
                    "t_args(ctx.lang, \"",
                    "t(self.lang, \"",
                    "t_args(self.lang, \"",
                    "tr(\"",
                ] {
                    for piece in text.split(marker).skip(1) {
                        let key = piece.split('"').next().unwrap();
                        if !known.iter().any(|k| k == key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys used in code but not in locales/nl: {missing:#?}"
        );
    }

    #[test]
    fn never_the_forbidden_word() {
        for lang in Lang::ALL {
            assert!(
                !lang.source().to_lowercase().contains("fraudeur"),
                "{}",
                lang.code()
            );
        }
    }

    #[test]
    fn accept_language_picks_the_best_offered() {
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("ar-MA;q=0.5, tr;q=0.7"),
            Some(Lang::Tr)
        );
        assert_eq!(Lang::from_accept_language("fr"), None);
        assert_eq!(Lang::from_code("uk-UA"), Some(Lang::Uk));
    }

    #[test]
    fn arguments_are_filled_in() {
        let s = t_args(Lang::Nl, "layout-logged-in-as", &[("name", "Test Persoon")]);
        assert!(s.contains("Test Persoon"), "{s}");
    }
}
