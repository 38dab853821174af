//! The choice every CSV download offers: a file for Dutch Excel (`;`, a byte order mark, decimal
//! commas) or a comma file for other programs ([`crate::csv_safe::Flavour`]). One form component,
//! and the query the download handlers read it from.

use maud::{html, Markup};
use serde::Deserialize;

use crate::csv_safe::Flavour;
use crate::web::i18n::{t, Lang};

/// The choice as it arrives with a download (`?scheiding=puntkomma`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CsvChoice {
    /// `puntkomma` or `komma`.
    #[serde(default)]
    pub scheiding: Option<String>,
}

impl CsvChoice {
    /// The flavour asked for; without a choice, the comma file.
    pub fn flavour(&self) -> Flavour {
        Flavour::from_choice(self.scheiding.as_deref())
    }
}

/// The flavour offered first in `lang`: Dutch Excel for Dutch, the comma file otherwise.
pub fn default_for(lang: Lang) -> Flavour {
    if lang == Lang::Nl {
        Flavour::DutchExcel
    } else {
        Flavour::Comma
    }
}

/// The two radio buttons (named `scheiding`); `id` makes their ids unique on the page.
pub fn choice(lang: Lang, id: &str) -> Markup {
    let chosen = default_for(lang);
    html! {
        fieldset.csv-choice {
            legend { (t(lang, "csv-choice-legend")) }
            @for f in [Flavour::DutchExcel, Flavour::Comma] {
                @let fid = format!("{id}-{}", f.code());
                div.choice {
                    input type="radio" id=(fid) name="scheiding" value=(f.code()) checked[f == chosen];
                    label for=(fid) { (t(lang, &format!("csv-choice-{}", f.code()))) }
                }
            }
        }
    }
}

/// A download form: the choice, then one button per file (`(address, label)`); the address may
/// carry a query (a filter), which is kept as hidden fields.
pub fn form(lang: Lang, id: &str, files: &[(String, String)]) -> Markup {
    let Some((first, _)) = files.first() else {
        return html! {};
    };
    let (action, query) = split(first);
    html! {
        form.download method="get" action=(action) {
            (choice(lang, id))
            @for (name, value) in &query {
                input type="hidden" name=(name) value=(value);
            }
            @for (i, (href, label)) in files.iter().enumerate() {
                @if i == 0 {
                    button.secondary type="submit" { (label) }
                } @else {
                    " "
                    button.secondary type="submit" formaction=(split(href).0) { (label) }
                }
            }
        }
    }
}

/// An address and the pairs of its query.
fn split(href: &str) -> (String, Vec<(String, String)>) {
    match href.split_once('?') {
        Some((path, q)) => (
            path.to_string(),
            serde_html_form::from_str::<Vec<(String, String)>>(q).unwrap_or_default(),
        ),
        None => (href.to_string(), vec![]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_users_get_the_excel_file_chosen_and_filters_are_kept() {
        let html = form(
            Lang::Nl,
            "audit",
            &[(
                "/beheer/audit.csv?actie=user&van=2027-01-01".into(),
                "Download".into(),
            )],
        )
        .into_string();
        assert!(html.contains(r#"action="/beheer/audit.csv""#));
        assert!(html.contains(r#"name="actie" value="user""#));
        assert!(html.contains(r#"name="van" value="2027-01-01""#));
        assert!(html.contains(r#"id="audit-puntkomma" name="scheiding" value="puntkomma" checked"#));
        let en = choice(Lang::En, "x").into_string();
        assert!(en.contains(r#"value="komma" checked"#));
    }
}
