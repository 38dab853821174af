-- Transactional mail outbox: a message is stored in the same transaction as the change that causes it;
-- a worker in any instance claims it, sends it and marks it sent. Address and body are erased once sent.
CREATE TABLE mail_outbox (
    id BIGSERIAL PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    about_type TEXT,
    about_id TEXT,
    to_address TEXT,
    subject TEXT NOT NULL,
    body_text TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_by TEXT,
    claimed_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
