DROP TABLE login_challenges;
DROP TABLE recovery_codes;
DROP TABLE totp_secrets;
DROP TABLE sso_sessions;
DROP TABLE user_identities;
DROP TABLE oidc_flows;
