-- Failed logins are counted per login name and client address (both as one keyed hash), with a
-- growing wait, instead of locking the account: an attacker can no longer keep a known person out.
CREATE TABLE login_failures (
    bucket TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    last_failure TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_last ON login_failures (last_failure);
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
