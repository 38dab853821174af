//! Klankbord: client surveys, complaints under Awb chapter 9 and a bejegening monitor for
//! Dutch municipalities. One binary; SQLite embedded by default, PostgreSQL for production.

#![forbid(unsafe_code)]

/// Declares a field-less enum together with `ALL`: every variant, in the order declared. The list
/// is made from the declaration, so a new variant cannot be left out of it.
#[macro_export]
macro_rules! listed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident, )+ }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order declared.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [ $( $name::$variant, )+ ];
        }
    };
}

pub mod accounts;
pub mod cli;
pub mod codes;
pub mod complaints;
pub mod config;
pub mod csv_safe;
pub mod db;
pub mod demo;
pub mod fmt;
pub mod identity;
pub mod mail;
pub mod monitor;
pub mod pdf;
pub mod startup;
pub mod surveys;
pub mod telemetry;
pub mod text_enum;
pub mod web;
