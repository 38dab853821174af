//! Staff accounts, roles, sessions, login limits and the audit log.

pub mod admin_routes;
pub mod audit;
pub mod email;
pub mod email_queries;
pub mod email_service;
pub mod email_views;
pub mod login_routes;
pub mod login_service;
pub mod login_views;
pub mod model;
pub mod oidc;
pub mod oidc_http;
pub mod password;
pub mod ratelimit;
pub mod routes;
pub mod service;
pub mod sessions;
pub mod throttle;
pub mod totp;
pub mod totp_routes;
pub mod views;
pub mod workload;
