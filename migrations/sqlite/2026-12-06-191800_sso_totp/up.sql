-- Single sign-on (OpenID Connect) and two-factor codes for password accounts.

-- A sign-in begun at the provider: kept in the database, so that the instance the browser comes
-- back to can finish it. The state is stored as a hash; the row is deleted when it is used.
-- browser_hash ties the flow to the browser that began it (a cookie), against login CSRF.
CREATE TABLE oidc_flows (
    state_hash TEXT PRIMARY KEY NOT NULL,
    browser_hash TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX oidc_flows_created ON oidc_flows (created_at);

-- The person at the provider (issuer + subject) behind a klankbord account.
CREATE TABLE user_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id BIGINT NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    last_login_at TIMESTAMP NOT NULL,
    PRIMARY KEY (issuer, subject)
);

-- The ID token of a session begun through the provider, sent back as a hint at logout.
CREATE TABLE sso_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL REFERENCES sessions(token_hash) ON DELETE CASCADE,
    id_token TEXT NOT NULL
);

-- A password account's TOTP secret (RFC 6238); confirmed_at is empty until the first code was typed.
-- last_step is the last time step accepted, so that a code cannot be used twice.
CREATE TABLE totp_secrets (
    user_id BIGINT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    confirmed_at TIMESTAMP,
    last_step BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL
);

-- Single-use recovery codes, stored as Argon2id hashes only.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- A password that was right, waiting for the second factor (or for enrolment). The cookie holds
-- a random token; only its hash is stored. It lasts a few minutes.
CREATE TABLE login_challenges (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    return_to TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
