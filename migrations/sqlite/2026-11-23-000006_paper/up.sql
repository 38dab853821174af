-- The paper channel: which form numbers of a wave have been imported (so a file imported twice adds
-- nothing), and sheets held back for correction. Like invitations, an imported form number has no
-- link to the answers it carried; a quarantined sheet keeps its content only until it is imported.
CREATE TABLE paper_forms (
    wave_id BIGINT NOT NULL REFERENCES waves(id),
    form_id TEXT NOT NULL,
    PRIMARY KEY (wave_id, form_id)
);

CREATE TABLE paper_quarantine (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    wave_id BIGINT NOT NULL REFERENCES waves(id),
    form_id TEXT NOT NULL,
    line BIGINT NOT NULL,
    sheet TEXT NOT NULL,
    problems TEXT NOT NULL,
    created_on DATE NOT NULL
);
CREATE UNIQUE INDEX paper_quarantine_form ON paper_quarantine (wave_id, form_id);

-- Validation reports of imports through the web, to show and download (no answers in them beyond
-- the values that were wrong, and no names).
CREATE TABLE paper_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    wave_id BIGINT NOT NULL REFERENCES waves(id),
    created_by BIGINT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    file_name TEXT NOT NULL,
    summary TEXT NOT NULL,
    report TEXT NOT NULL
);
