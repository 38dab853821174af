//! Klankbord: client surveys, complaints under Awb chapter 9 and a bejegening monitor for
//! Dutch municipalities. One binary; SQLite embedded by default, PostgreSQL for production.

#![forbid(unsafe_code)]

pub mod accounts;
pub mod cli;
pub mod complaints;
pub mod config;
pub mod csv_safe;
pub mod db;
pub mod demo;
pub mod fmt;
pub mod mail;
pub mod monitor;
pub mod pdf;
pub mod startup;
pub mod surveys;
pub mod telemetry;
pub mod web;
