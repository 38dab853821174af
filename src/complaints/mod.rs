//! Complaints (klachten) under Awb chapter 9: the deadline engine, the workflow rules as a state
//! machine, the letters, and the complaints in the database.

pub mod access;
pub mod builder;
pub mod case_pages;
pub mod case_sections;
mod case_service;
pub mod case_views;
pub mod categories;
pub mod categories_service;
pub mod categories_views;
pub mod commands;
pub mod deadlines;
pub mod decision;
pub mod decision_pages;
mod decision_views;
pub mod documents;
pub mod intake;
mod intake_views;
pub mod invalid;
pub mod letters;
pub mod lists;
mod lists_views;
pub mod model;
pub mod public;
pub mod public_views;
pub mod queries;
pub mod read_model;
pub mod register;
pub mod register_queries;
pub mod register_views;
pub mod reminders;
pub mod retention;
pub mod search;
mod search_service;
pub mod search_views;
pub mod service;
pub mod staff;
pub mod step_pages;
mod step_store;
pub mod steps;
pub mod store;
pub mod templates;
pub mod terms;
pub mod tracking;
pub mod tracking_queries;
pub mod tracking_views;
pub mod workflow;
mod workflow_actions;
pub mod worklist;

use crate::config::Config;

/// What complaint handling needs from the installation, made once at start-up.
pub struct Setup {
    /// Letter texts, checked.
    pub templates: templates::Templates,
    /// Working days and holidays.
    pub calendar: deadlines::Calendar,
    /// The configuration it was made from.
    pub config: std::sync::Arc<Config>,
}

impl Setup {
    /// Loads and checks the letter templates; a bad one stops the start with its file and line.
    pub fn new(config: std::sync::Arc<Config>) -> anyhow::Result<Setup> {
        let templates = templates::Templates::load(config.complaints.templates_dir.as_deref())
            .map_err(|e| anyhow::anyhow!("Een brief voor klachten klopt niet: {e}"))?;
        Ok(Setup {
            templates,
            calendar: deadlines::Calendar {
                extra_days: config.extra_closed_days.clone(),
            },
            config,
        })
    }

    /// The environment for registering and handling.
    pub fn env(&self) -> store::Env<'_> {
        let c = &self.config;
        store::Env {
            templates: &self.templates,
            calendar: &self.calendar,
            targets: deadlines::Targets {
                acknowledgement_days: c.complaints.acknowledgement_days,
                mediation_contact_working_days: c.complaints.mediation_working_days,
            },
            committee: c.complaints.committee,
            municipality: &c.municipality,
            contact: &c.contact,
            public_url: &c.public_url,
            mail_domain: c.public_host(),
            ombudsman: &c.complaints.ombudsman,
        }
    }
}
