//! klankbord.toml as read, and the defaults.

use serde::Deserialize;

/// The raw shape of `klankbord.toml`; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileConfig {
    pub(super) database_url: Option<String>,
    pub(super) bind: Option<String>,
    pub(super) public_url: Option<String>,
    pub(super) municipality: Option<String>,
    pub(super) contact_phone: Option<String>,
    pub(super) contact_email: Option<String>,
    pub(super) contact_website: Option<String>,
    pub(super) postal_address: Option<String>,
    pub(super) visiting_address: Option<String>,
    pub(super) opening_hours: Option<String>,
    pub(super) privacy_officer_email: Option<String>,
    pub(super) hosting_provider: Option<String>,
    pub(super) mail: Option<String>,
    pub(super) mail_from: Option<String>,
    pub(super) mail_poll_seconds: Option<u64>,
    pub(super) workers: Option<usize>,
    pub(super) db_pool_size: Option<u32>,
    pub(super) sqlite_sync: Option<String>,
    pub(super) behind_proxy: Option<bool>,
    pub(super) session_idle_minutes: Option<i64>,
    pub(super) volunteer_retention_days: Option<i64>,
    pub(super) extra_closed_days: Option<Vec<String>>,
    pub(super) upload_wait_ms: Option<u64>,
    pub(super) complaints_committee: Option<bool>,
    pub(super) ombudsman: Option<String>,
    pub(super) templates_dir: Option<String>,
    pub(super) acknowledgement_days: Option<i64>,
    pub(super) mediation_working_days: Option<u32>,
    pub(super) complaint_retention_years: Option<u32>,
    pub(super) max_attachment_mb: Option<usize>,
    pub(super) complaints_mailbox: Option<String>,
    pub(super) oidc_issuer: Option<String>,
    pub(super) oidc_client_id: Option<String>,
    pub(super) oidc_client_secret: Option<String>,
    pub(super) oidc_scopes: Option<String>,
    pub(super) oidc_role_claim: Option<String>,
    pub(super) oidc_timeout_seconds: Option<u64>,
    pub(super) login_methods: Option<String>,
    pub(super) break_glass_accounts: Option<Vec<String>>,
    pub(super) totp_required_roles: Option<String>,
    /// Claim value -> role or roles; a TOML table, so it goes at the end of the file.
    pub(super) oidc_roles: Option<std::collections::BTreeMap<String, RoleList>>,
}

/// One role code, or a list of them, in `[oidc_roles]`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum RoleList {
    One(String),
    Many(Vec<String>),
}

/// Default database for the embedded engine.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://klankbord.db";
/// Default listen address.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Default mail folder.
pub const DEFAULT_MAIL: &str = "folder:mail-outbox";

/// The login settings of klankbord.toml.
pub(super) struct LoginFile {
    pub(super) issuer: Option<String>,
    pub(super) client_id: Option<String>,
    pub(super) client_secret: Option<String>,
    pub(super) scopes: Option<String>,
    pub(super) role_claim: Option<String>,
    pub(super) timeout_seconds: Option<u64>,
    pub(super) methods: Option<String>,
    pub(super) break_glass: Option<Vec<String>>,
    pub(super) totp_roles: Option<String>,
    pub(super) roles: Option<std::collections::BTreeMap<String, RoleList>>,
}
