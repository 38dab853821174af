//! Letters to complainants, the people complained about and the council members or aldermen who
//! passed a complaint on: made from checked templates as PDF on the municipality's letterhead
//! ([`service`], [`pdf`]), sent by e-mail or queued for the post, and the pages where the
//! coordinator prints the queued letters in batches and sets up the letterhead ([`routes`]).

pub mod facts;
pub mod logo;
pub mod pdf;
pub mod post_service;
pub mod queries;
pub mod routes;
pub mod service;
pub mod settings;
mod settings_routes;
pub mod settings_service;
mod views;

pub use service::{render, Decision, DecisionPart, LetterFacts, Rendered};
