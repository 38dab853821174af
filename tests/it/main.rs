//! One integration-test binary: every test starts the app on port 0 with a fresh database and
//! drives it over HTTP like a browser. PostgreSQL and browser suites skip loudly when their
//! services are missing, and fail instead when KLANKBORD_REQUIRE_ALL=1.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

mod support;

mod access_matrix;
mod accounts;
mod audit;
mod browser;
mod casework;
mod casework_browser;
mod clerk;
mod clerk_paper;
mod cli;
mod coding;
mod complaint_browser;
mod complaints;
mod contact;
mod council_report;
mod csv_safety;
mod database;
mod disclosure;
mod durable;
mod hostile;
mod letters;
mod linking;
mod mail;
mod monitor;
mod monitor_browser;
mod pages;
mod paper;
mod scale_out;
mod scan_journey;
mod scan_stacks;
mod scans;
mod sdaps;
mod sso;
mod sso_browser;
mod staff_tools;
mod survey_browser;
mod surveys;
mod verify;
mod walk;
mod waves;
