//! Why a sign-in was refused, for the person and for the audit log.

use sha2::{Digest, Sha256};

/// Why a sign-in through the provider was refused. Each has its own page text; `code` goes on
/// the page too, for the administrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No state, an unknown one, one already used, too old, or begun in another browser.
    State,
    /// The provider did not answer in time, or not at all.
    Unreachable,
    /// The provider refused the code (used before, expired) or the person cancelled.
    ProviderRefused,
    /// The ID token names another issuer.
    Issuer,
    /// The ID token is for another client.
    Audience,
    /// The ID token has expired.
    Expired,
    /// The ID token is signed with a key the provider does not publish (or not signed right).
    Signature,
    /// The ID token's nonce is not the one of this flow (a token replayed from another login).
    Nonce,
    /// The ID token or the provider's answer is otherwise not usable.
    Token,
    /// None of the values of the role claim is mapped to a role.
    NoRole,
    /// The account is disabled in klankbord.
    Disabled,
}

impl Refusal {
    /// Short code shown on the page and written to the log.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::State => "state",
            Refusal::Unreachable => "provider-unreachable",
            Refusal::ProviderRefused => "provider-refused",
            Refusal::Issuer => "issuer",
            Refusal::Audience => "audience",
            Refusal::Expired => "expired",
            Refusal::Signature => "signing-key",
            Refusal::Nonce => "nonce",
            Refusal::Token => "token",
            Refusal::NoRole => "no-role",
            Refusal::Disabled => "disabled",
        }
    }

    /// Key of the explanation shown to the person.
    pub fn message_key(self) -> &'static str {
        match self {
            Refusal::State => "sso-refused-state",
            Refusal::Unreachable => "sso-refused-unreachable",
            Refusal::ProviderRefused => "sso-refused-provider",
            Refusal::Issuer
            | Refusal::Audience
            | Refusal::Expired
            | Refusal::Signature
            | Refusal::Nonce
            | Refusal::Token => "sso-refused-token",
            Refusal::NoRole => "sso-refused-no-role",
            Refusal::Disabled => "sso-refused-disabled",
        }
    }

    /// The HTTP status of the refusal page.
    pub fn status(self) -> u16 {
        match self {
            Refusal::Unreachable => 502,
            Refusal::NoRole | Refusal::Disabled => 403,
            _ => 400,
        }
    }
}

pub(super) fn hash_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    crate::fmt::hex(&digest)
}
