-- Quotes for the council report: open answers of a wave, cleaned of names and contact details,
-- approved one by one by a researcher. A quote does not point back at the answer set it came from.
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    wave_id BIGINT NOT NULL REFERENCES waves(id),
    item_key TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by BIGINT REFERENCES users(id),
    decided_at TIMESTAMP
);
CREATE INDEX quotes_wave ON quotes (wave_id, status);
