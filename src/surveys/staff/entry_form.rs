//! The entry form as sent: read into what the clerk typed and, when it holds up, a command to
//! store.

use crate::codes;
use crate::surveys::answers::{self, AnswerSet, ItemProblem};
use crate::surveys::definition::Definition;
use crate::surveys::respond::Meta;
use crate::surveys::waves::Wave;
use crate::web::errors::AppError;
use crate::web::i18n::{t, Lang};

use crate::surveys::channel::Channel;

/// The entry form as filled in so far.
#[derive(Default)]
pub(super) struct EntryState {
    pub(super) channel: String,
    pub(super) code: String,
    /// The paper form's number (channel paper-keyed).
    pub(super) form: String,
    pub(super) helper: String,
    pub(super) language: String,
    pub(super) answers: AnswerSet,
}

/// The form's own fields; their names hold a '-', which question keys never do.
pub(super) const ENTRY_FIELDS: &[&str] = &[
    "csrf",
    "invoer-kanaal",
    "invoer-formulier",
    "invoer-code",
    "invoer-hulp",
    "invoer-taal",
];

/// A keyed-in answer set that holds up: what [`super::entry_service::store`] stores.
pub(super) struct EntryCommand {
    /// The invitation code, when one was typed (normalised).
    pub(super) code: Option<String>,
    /// The paper form's number (channel paper-keyed only).
    pub(super) form_number: Option<String>,
    /// Channel, helper and language.
    pub(super) meta: Meta,
    /// The answers.
    pub(super) answers: AnswerSet,
}

/// What is wrong with the form: per question, and about the form's own fields.
pub(super) struct EntryProblems {
    pub(super) items: Vec<(String, ItemProblem)>,
    pub(super) general: Vec<(&'static str, String)>,
}

/// Reads the entry form: what was typed (to show again) and the command, or the problems with it.
/// A forged form (an unknown channel, fields that are no questions) is refused.
pub(super) fn read(
    lang: Lang,
    wave: &Wave,
    def: &Definition,
    fields: &[(String, String)],
    prints: &[crate::surveys::paper::prints::Printed],
) -> Result<(EntryState, Result<EntryCommand, EntryProblems>), AppError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let mut s = EntryState {
        channel: field("invoer-kanaal"),
        code: field("invoer-code"),
        form: crate::surveys::paper::sheet::canonical_form(&field("invoer-formulier")),
        helper: field("invoer-hulp"),
        language: field("invoer-taal"),
        answers: AnswerSet::new(),
    };
    let Some(channel) = Channel::parse(&s.channel).filter(|c| c.is_keyed()) else {
        return Err(AppError::BadRequest("respond-error-forged"));
    };
    let mut problems =
        crate::surveys::form::read_entry(def, fields, lang, ENTRY_FIELDS, &mut s.answers)
            .map_err(|_| AppError::BadRequest("respond-error-forged"))?;
    for key in answers::missing_required(def, &s.answers) {
        if !problems.iter().any(|(k, _)| *k == key) {
            problems.push((key, ItemProblem::Required));
        }
    }
    let mut general: Vec<(&'static str, String)> = vec![];
    let code = if s.code.is_empty() {
        if channel == Channel::Phone {
            general.push(("invoer-code", t(lang, "entry-error-code-needed")));
        }
        None
    } else {
        match codes::parse(&s.code) {
            Ok(c) => Some(c),
            Err(e) => {
                general.push(("invoer-code", codes::error_text(lang, e)));
                None
            }
        }
    };
    // A paper form carries its number: without it the same form could be typed in twice.
    let paper = channel == Channel::PaperKeyed;
    if paper {
        if let Some(e) =
            crate::surveys::paper::correct_service::form_problem(lang, wave.id, &s.form, prints)
        {
            general.push(("invoer-formulier", e));
        }
    }
    let form_number = paper.then(|| s.form.clone());
    if !problems.is_empty() || !general.is_empty() {
        s.answers = answers::for_display(&s.answers, fields, &problems);
        return Ok((
            s,
            Err(EntryProblems {
                items: problems,
                general,
            }),
        ));
    }
    let helper = (!s.helper.is_empty()).then(|| s.helper.clone());
    let meta = Meta {
        channel,
        helper,
        language: Lang::from_code(&s.language).unwrap_or(Lang::Nl),
    };
    let command = EntryCommand {
        code,
        form_number,
        meta,
        answers: s.answers.clone(),
    };
    Ok((s, Ok(command)))
}
