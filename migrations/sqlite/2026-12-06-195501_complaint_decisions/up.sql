-- A reasoned decision (Awb 9:12): per part of the complaint the findings and the reasoning beside
-- the judgement and the norms it touches; for the whole the conclusions and measures; the outcome
-- letter as the handler edited it, and the letter exactly as it was sent.
ALTER TABLE complaint_elements ADD COLUMN findings TEXT;
ALTER TABLE complaint_elements ADD COLUMN reasoning TEXT;

CREATE TABLE complaint_decisions (
    complaint_id BIGINT PRIMARY KEY NOT NULL REFERENCES complaints(id),
    conclusions TEXT,
    measures TEXT,
    letter_subject TEXT,
    letter_body TEXT,
    sent_at TIMESTAMP,
    sent_by BIGINT REFERENCES users(id),
    sent_to TEXT,
    sent_subject TEXT,
    sent_body TEXT,
    updated_at TIMESTAMP NOT NULL
);
