//! Single sign-on with the municipality's identity provider over OpenID Connect (Entra ID, ADFS,
//! Keycloak, or any provider that publishes a discovery document).
//!
//! The authorization code flow with PKCE, `state` and `nonce`. What the browser must bring back
//! (state, nonce, PKCE verifier) is kept in the database ([`oidc_flows`]), so that the instance
//! the browser returns to can finish a flow another instance began. A flow is used once and lasts
//! [`FLOW_MINUTES`]; it is also tied to the browser that began it (a cookie), so nobody can make
//! someone else's browser finish a login the attacker started.
//!
//! Roles come from one configured claim (`groups`, `roles`, ...) through a mapping of claim values
//! to roles ([`SsoSettings::role_map`]), read again at every login; without a mapping the
//! administrator assigns roles. A disabled account stays disabled whatever the provider says.
//!
//! - [`settings`]: the provider as configured; [`roles`]: roles from its claim.
//! - [`flow`]: beginning and finishing the code flow; [`sign_in`]: the account signed in.
//! - [`refusal`]: why a sign-in was refused.

mod flow;
mod refusal;
mod roles;
mod settings;
mod sign_in;
#[cfg(test)]
mod tests;

pub use flow::*;
pub use refusal::*;
pub use roles::*;
pub use settings::*;
pub use sign_in::*;

/// Minutes a sign-in may take at the provider before it must begin again.
pub const FLOW_MINUTES: i64 = 10;
/// Name of the cookie that ties a flow to the browser that began it.
pub const FLOW_COOKIE: &str = "kb_sso";
/// Path the provider sends the browser back to (register `<public url>` + this at the provider).
pub const CALLBACK_PATH: &str = "/inloggen/sso/terug";
/// Where the provider sends the browser after logging out there.
pub const AFTER_LOGOUT_PATH: &str = "/inloggen?melding=notice-logged-out";
/// Stored instead of a password hash for accounts that only sign in through the provider: it is
/// no Argon2 string, so no password ever matches it.
pub const NO_PASSWORD: &str = "!sso";
