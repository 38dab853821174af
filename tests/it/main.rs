//! One integration-test binary: every test starts the app on port 0 with a fresh database and
//! drives it over HTTP like a browser. PostgreSQL and browser suites skip loudly when their
//! services are missing, and fail instead when KLANKBORD_REQUIRE_ALL=1.

mod support;

mod access_matrix;
mod accounts;
mod audit;
mod browser;
mod casework;
mod casework_browser;
mod cli;
mod complaint_browser;
mod complaints;
mod contact;
mod csv_safety;
mod database;
mod disclosure;
mod hostile;
mod linking;
mod mail;
mod monitor;
mod monitor_browser;
mod pages;
mod paper;
mod scale_out;
mod survey_browser;
mod surveys;
mod walk;
mod waves;
