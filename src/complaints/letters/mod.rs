//! Letters to complainants, the people complained about and the council members or aldermen who
//! passed a complaint on: made from checked templates as PDF on the municipality's letterhead
//! ([`service`], [`pdf`]), sent by e-mail or queued for the post, and the pages where the
//! coordinator prints the queued letters in batches and sets up the letterhead ([`routes`]).

pub mod pdf;
pub mod routes;
pub mod service;
mod views;

pub use service::{render, Decision, DecisionPart, LetterFacts, Rendered};
