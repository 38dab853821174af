-- paper: the exact place of every box and text field of a printed paper form, per questionnaire
-- text and language (JSON, see src/surveys/paper/layout.rs), named by its SHA-256 digest. Never
-- replaced once stored: forms printed with it may still come back from the scanner (their QR code
-- names the row). A changed layout (new product version, other return date) is a new row.
CREATE TABLE paper_layouts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    version_id BIGINT NOT NULL REFERENCES questionnaire_versions (id),
    lang TEXT NOT NULL,
    digest TEXT NOT NULL,
    layout TEXT NOT NULL,
    created_on DATE NOT NULL,
    UNIQUE (version_id, lang, digest)
);

-- paper: scanned forms read by the product that a clerk must still check (doubtful boxes, texts to
-- type, conflicts, pages without a readable QR code). Nothing of a sheet is stored as answers until
-- it is settled; then its row goes. `form_id` is empty for a page that could not be identified.
CREATE TABLE paper_scan_pending (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    wave_id BIGINT NOT NULL REFERENCES waves (id),
    form_id TEXT NOT NULL,
    sheet TEXT NOT NULL,
    created_on DATE NOT NULL
);
CREATE INDEX paper_scan_pending_wave ON paper_scan_pending (wave_id, form_id);
