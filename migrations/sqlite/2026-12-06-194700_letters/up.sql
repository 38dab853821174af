-- letters: every complaint letter is a PDF on the municipality's letterhead.
-- A batch of letters printed as one PDF and marked as sent together.
CREATE TABLE complaint_letter_batches (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users(id),
    letters INTEGER NOT NULL,
    sent_on DATE,
    sent_by BIGINT REFERENCES users(id)
);

-- Who a letter is for (klager, beklaagde, doorgever), how it went (post, email), the facts it was
-- made from (JSON: what was sent, unchanged) and the print batch it went out in.
ALTER TABLE complaint_letters ADD COLUMN addressee TEXT NOT NULL DEFAULT 'klager';
ALTER TABLE complaint_letters ADD COLUMN channel TEXT NOT NULL DEFAULT 'post';
ALTER TABLE complaint_letters ADD COLUMN facts TEXT;
ALTER TABLE complaint_letters ADD COLUMN batch_id BIGINT REFERENCES complaint_letter_batches(id);

-- The logo on the letterhead, as uploaded by the coordinator; the newest is used. A letter names
-- the logo it was made with, so it prints the same later.
CREATE TABLE letterhead_logos (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    content_type TEXT NOT NULL,
    data BLOB NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users(id)
);

-- A letter sent by e-mail travels as a PDF attachment (erased with the body once sent).
ALTER TABLE mail_outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE mail_outbox ADD COLUMN attachment BLOB;
