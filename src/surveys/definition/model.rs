//! The typed model of a questionnaire the rest of the product uses.

use std::collections::BTreeMap;
use std::fmt;

use crate::surveys::condition::Condition;
use crate::web::i18n::Lang;

/// Texts per language code.
pub type Texts = BTreeMap<String, String>;

/// The four dimensions of the monitor, plus background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Reachability: contact, channels, waiting.
    Bereikbaarheid,
    /// Treatment by staff.
    Bejegening,
    /// Satisfaction with the service, information and rules.
    Dienstverlening,
    /// Effectiveness of the support.
    Effectiviteit,
    /// Background (subgroups), not an opinion.
    Achtergrond,
}

impl Dimension {
    /// Its code in the questionnaire file and the open data.
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Bereikbaarheid => "bereikbaarheid",
            Dimension::Bejegening => "bejegening",
            Dimension::Dienstverlening => "dienstverlening",
            Dimension::Effectiviteit => "effectiviteit",
            Dimension::Achtergrond => "achtergrond",
        }
    }

    pub(super) fn parse(s: &str) -> Option<Dimension> {
        Some(match s {
            "bereikbaarheid" => Dimension::Bereikbaarheid,
            "bejegening" => Dimension::Bejegening,
            "dienstverlening" => Dimension::Dienstverlening,
            "effectiviteit" => Dimension::Effectiviteit,
            "achtergrond" => Dimension::Achtergrond,
            _ => return None,
        })
    }
}

/// A dimension is written as its code.
impl serde::Serialize for Dimension {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Codes of the Nationale ombudsman's behoorlijkheidsnormen (22 norms in four groups).
pub const NORMS: &[&str] = &[
    "transparant",
    "goede_informatieverstrekking",
    "luisteren",
    "goede_motivering",
    "grondrechten",
    "actieve_deelname",
    "fatsoenlijke_bejegening",
    "fair_play",
    "evenredigheid",
    "bijzondere_zorg",
    "maatwerk",
    "samenwerking",
    "coulante_opstelling",
    "voortvarendheid",
    "de_escalatie",
    "integriteit",
    "betrouwbaarheid",
    "onpartijdigheid",
    "redelijkheid",
    "goede_voorbereiding",
    "goede_organisatie",
    "professionaliteit",
];

/// The wording of a 5-point scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleWording {
    /// helemaal oneens … helemaal eens
    Agree,
    /// zeer ontevreden … zeer tevreden
    Satisfied,
}

/// One answer option of a choice item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Stored code.
    pub code: String,
    /// Label per language.
    pub label: Texts,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    /// Rapportcijfer 1–10.
    Grade,
    /// Five labelled points (as radio buttons, or as smileys with text).
    Scale {
        /// Agree or satisfied wording.
        wording: ScaleWording,
        /// Code of the separate "weet niet"/"n.v.t." answer, outside the scale.
        dont_know: Option<String>,
        /// Shown as smileys with text labels.
        smileys: bool,
    },
    /// One option.
    Single {
        /// Options.
        options: Vec<Choice>,
        /// Adds "anders, namelijk" with a text box.
        other: bool,
    },
    /// Any number of options.
    Multi {
        /// Options.
        options: Vec<Choice>,
        /// Adds "anders, namelijk" with a text box.
        other: bool,
    },
    /// An open answer.
    Text {
        /// Longest answer in characters.
        max_length: u32,
    },
    /// A whole number.
    Number {
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
    },
}

impl ItemKind {
    /// Whether the answer is written in a field (on paper: a box to write in, read back as
    /// text), not ticked. A new kind must say which it is: the SDAPS mapping's `tekst` and the
    /// paper form's write-in fields follow from this.
    pub fn is_written(&self) -> bool {
        match self {
            ItemKind::Text { .. } | ItemKind::Number { .. } => true,
            ItemKind::Grade
            | ItemKind::Scale { .. }
            | ItemKind::Single { .. }
            | ItemKind::Multi { .. } => false,
        }
    }

    /// Whether the answer is exactly one ticked box (two ticked boxes are a double mark). A new
    /// kind must say which it is: the paper import's double-mark check follows from this.
    pub fn is_ticked_once(&self) -> bool {
        match self {
            ItemKind::Grade | ItemKind::Scale { .. } | ItemKind::Single { .. } => true,
            ItemKind::Multi { .. } | ItemKind::Text { .. } | ItemKind::Number { .. } => false,
        }
    }

    /// The name of its type in the questionnaire file (and the export's codebook).
    pub fn type_name(&self) -> TypeName {
        match self {
            ItemKind::Grade => TypeName::Grade,
            ItemKind::Scale { smileys: true, .. } => TypeName::Smileys,
            ItemKind::Scale { smileys: false, .. } => TypeName::Scale,
            ItemKind::Single { .. } => TypeName::Single,
            ItemKind::Multi { .. } => TypeName::Multi,
            ItemKind::Text { .. } => TypeName::Text,
            ItemKind::Number { .. } => TypeName::Number,
        }
    }
}

crate::listed_enum! {
    /// A question type as the questionnaire file names it under `type`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum TypeName {
        /// `grade`: [`ItemKind::Grade`].
        Grade,
        /// `scale`: [`ItemKind::Scale`] as radio buttons.
        Scale,
        /// `smileys`: [`ItemKind::Scale`] as smileys.
        Smileys,
        /// `single`: [`ItemKind::Single`].
        Single,
        /// `multi`: [`ItemKind::Multi`].
        Multi,
        /// `text`: [`ItemKind::Text`].
        Text,
        /// `number`: [`ItemKind::Number`].
        Number,
    }
}

impl TypeName {
    /// The name in the file.
    pub fn code(self) -> &'static str {
        match self {
            TypeName::Grade => "grade",
            TypeName::Scale => "scale",
            TypeName::Smileys => "smileys",
            TypeName::Single => "single",
            TypeName::Multi => "multi",
            TypeName::Text => "text",
            TypeName::Number => "number",
        }
    }

    /// The type for a name in the file; `None` for a name the product does not know.
    pub fn parse(name: &str) -> Option<TypeName> {
        TypeName::ALL.into_iter().find(|t| t.code() == name)
    }

    /// Whether the question has `options` (and may have `other`).
    pub fn has_options(self) -> bool {
        match self {
            TypeName::Single | TypeName::Multi => true,
            TypeName::Grade
            | TypeName::Scale
            | TypeName::Smileys
            | TypeName::Text
            | TypeName::Number => false,
        }
    }

    /// Every name, for an error text: "grade, scale, ... of number".
    pub fn choices_text() -> String {
        let names: Vec<&str> = TypeName::ALL.iter().map(|t| t.code()).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} of {last}", rest.join(", ")),
            _ => names.join(", "),
        }
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Key, unique in the questionnaire.
    pub key: String,
    /// Answer type.
    pub kind: ItemKind,
    /// Monitor dimension.
    pub dimension: Dimension,
    /// Behoorlijkheidsnorm codes.
    pub norms: Vec<String>,
    /// Must be answered (when shown).
    pub required: bool,
    /// Question text per language.
    pub text: Texts,
    /// Help text per language.
    pub hint: Option<Texts>,
    /// Shown only when this holds.
    pub show_if: Option<Condition>,
}

/// A group of questions on one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Key.
    pub key: String,
    /// Title per language.
    pub title: Texts,
    /// Questions.
    pub items: Vec<Item>,
}

/// A validated questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// Questionnaire key.
    pub key: String,
    /// Version number.
    pub version: i64,
    /// Languages it is offered in.
    pub languages: Vec<Lang>,
    /// All questions on one page instead of one question per page.
    pub one_page: bool,
    /// Title per language.
    pub title: Texts,
    /// Introduction per language.
    pub intro: Texts,
    /// Sections in order.
    pub sections: Vec<Section>,
}

impl Definition {
    /// Every item, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// One item by key.
    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items().find(|i| i.key == key)
    }
}

/// One thing wrong in a definition file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File name as given.
    pub file: String,
    /// Line (1-based).
    pub line: usize,
    /// What is wrong, and what to do.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}
