-- Questionnaire versions, waves and invitation codes. Codes are stored only as hashes; answers
-- (a later migration) will have no reference to invitations.
CREATE TABLE questionnaire_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    questionnaire_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (questionnaire_key, content_hash),
    UNIQUE (questionnaire_key, version, revision)
);

CREATE TABLE waves (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    name TEXT NOT NULL,
    version_id BIGINT NOT NULL REFERENCES questionnaire_versions(id),
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    population INTEGER NOT NULL,
    channels TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    wave_id BIGINT NOT NULL REFERENCES waves(id),
    code_hash TEXT NOT NULL UNIQUE,
    used BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX invitations_wave ON invitations (wave_id);
