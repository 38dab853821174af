//! Staff accounts, roles, sessions, login limits and the audit log.

pub mod audit;
pub mod email;
pub mod model;
pub mod password;
pub mod ratelimit;
pub mod routes;
pub mod service;
pub mod sessions;
pub mod throttle;
pub mod views;
pub mod workload;
