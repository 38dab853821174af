//! The municipality's letter settings, set by the coordinator: how e-mail carries a letter, the
//! sender's address on the letterhead, the contact person, and who signs each kind of letter.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::complaints::templates::{self, LetterKind};
use crate::db::{settings, DbConnection};
use crate::web::i18n::{t, Lang};

/// How a letter goes to someone with an e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// A short message with the letter attached as PDF (the default).
    Attachment,
    /// The letter's text as the message itself.
    Body,
}

impl Delivery {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Delivery::Attachment => "bijlage",
            Delivery::Body => "tekst",
        }
    }
}

/// Who signs a letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// Name of the person who signs (may be empty: the function alone).
    pub name: String,
    /// Their function, e.g. "klachtencoördinator".
    pub function: String,
}

/// The contact person a letter names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPerson {
    /// Name (and function), e.g. "mevrouw A. de Vries, klachtencoördinator".
    pub name: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
}

/// Setting keys (in the installation's settings table).
const DELIVERY: &str = "letters.delivery";
const SENDER: &str = "letters.sender";
const CONTACT_PERSON: &str = "letters.contact_person";

/// The municipality's letter settings, set by the coordinator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterSettings {
    /// E-mail with the letter attached, or as the message.
    pub delivery: Delivery,
    /// The sender's address as it stands on the letterhead, one line each (the first is also the
    /// return address). Empty: the postal address of the contact settings.
    pub sender: String,
    /// The contact person named on every letter. Empty: the general phone number and e-mail only.
    pub contact_person: String,
    /// Who signs, per kind of letter: (kind code, signature). A kind not listed is signed with its
    /// default function.
    pub signatures: Vec<(String, Signature)>,
}

impl LetterSettings {
    /// Reads the settings.
    pub fn load(conn: &mut DbConnection) -> QueryResult<LetterSettings> {
        let delivery = match settings::get(conn, DELIVERY)?.as_deref() {
            Some("tekst") => Delivery::Body,
            _ => Delivery::Attachment,
        };
        let mut signatures = vec![];
        for kind in templates::kinds() {
            let name = settings::get(conn, &format!("letters.signature.{}.name", kind.code))?;
            let function =
                settings::get(conn, &format!("letters.signature.{}.function", kind.code))?;
            if name.is_some() || function.is_some() {
                signatures.push((
                    kind.code.to_string(),
                    Signature {
                        name: name.unwrap_or_default(),
                        function: function.unwrap_or_default(),
                    },
                ));
            }
        }
        Ok(LetterSettings {
            delivery,
            sender: settings::get(conn, SENDER)?.unwrap_or_default(),
            contact_person: settings::get(conn, CONTACT_PERSON)?.unwrap_or_default(),
            signatures,
        })
    }

    /// Stores the settings.
    pub fn save(&self, conn: &mut DbConnection) -> QueryResult<()> {
        settings::set(conn, DELIVERY, self.delivery.code())?;
        settings::set(conn, SENDER, self.sender.trim())?;
        settings::set(conn, CONTACT_PERSON, self.contact_person.trim())?;
        for kind in templates::kinds() {
            let s = self
                .signatures
                .iter()
                .find(|(k, _)| k == kind.code)
                .map(|(_, s)| s.clone())
                .unwrap_or_default();
            settings::set(
                conn,
                &format!("letters.signature.{}.name", kind.code),
                s.name.trim(),
            )?;
            settings::set(
                conn,
                &format!("letters.signature.{}.function", kind.code),
                s.function.trim(),
            )?;
        }
        Ok(())
    }

    /// Who signs letter `kind` in `lang`: as set, or the default function in the letter's language.
    pub fn signature(&self, kind: LetterKind, lang: Lang) -> Signature {
        let set = self
            .signatures
            .iter()
            .find(|(k, _)| k == kind.code())
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        let function = if set.function.trim().is_empty() {
            t(lang, default_function_key(kind))
        } else {
            set.function.trim().to_string()
        };
        Signature {
            name: set.name.trim().to_string(),
            function,
        }
    }

    /// The sender's address lines: as set, or the postal address of the contact settings.
    pub fn sender_lines(&self, contact: &crate::config::Contact) -> Vec<String> {
        let text = if self.sender.trim().is_empty() {
            contact
                .postal_address
                .as_deref()
                .unwrap_or("")
                .replace(", ", "\n")
        } else {
            self.sender.clone()
        };
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// The text key of the function that signs `kind` when none is set: the decision is the board's,
/// the rest the coordinator's.
pub fn default_function_key(kind: LetterKind) -> &'static str {
    if kind.carries_decision() {
        "letter-sign-college"
    } else {
        "letter-sign-coordinator"
    }
}
