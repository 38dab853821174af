-- Complaints (Awb hoofdstuk 9): the case, every step taken on it, its classification, hearing,
-- judgement per element, follow-up actions, attachments and letters for the clerk to print.
-- Personal data (name, address, e-mail, phone, the description and attachments) lives only here and
-- is erased by the retention job a configurable time after closing; the rest stays for the figures.

-- Conduct categories (seeded from what complainants actually said; editable by the coordinator).
CREATE TABLE complaint_categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO complaint_categories (code, name, position) VALUES
    ('niet_gehoord', 'Niet geluisterd, of besloten voordat ik gehoord was', 1),
    ('respectloos', 'Respectloos of als een kind behandeld', 2),
    ('wantrouwen', 'Wantrouwen: behandeld alsof ik iets fout deed', 3),
    ('privacy', 'Inbreuk op privacy (bankafschriften, kinderen bevraagd, huisbezoek)', 4),
    ('niet_geholpen', 'Niet geholpen', 5),
    ('geen_begrip', 'Geen begrip voor mijn situatie', 6),
    ('toon_brieven', 'Toon van brieven (dreigend, kortaf)', 7),
    ('onbereikbaar', 'Onbereikbaar, telefoon afgebroken', 8),
    ('lang_wachten', 'Maanden wachten op een besluit', 9),
    ('wisseling', 'Contactpersoon gewisseld zonder bericht, steeds opnieuw mijn verhaal doen', 10),
    ('inhoud', 'Inhoud: vergoeding geweigerd, beslag, hoogte van de uitkering', 11);

CREATE TABLE complaints (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    -- SHA-256 of the tracking code; the code itself is shown once to the complainant.
    tracking_hash TEXT NOT NULL UNIQUE,
    received_on DATE NOT NULL,
    channel TEXT NOT NULL,
    -- The council member or alderman who passed it on (for feedback), or who registered it.
    via_person TEXT,
    via_email TEXT,
    kind TEXT NOT NULL DEFAULT 'klacht',
    state TEXT NOT NULL,
    language TEXT NOT NULL,
    anonymous BOOLEAN NOT NULL,
    name TEXT,
    address TEXT,
    email TEXT,
    phone TEXT,
    description TEXT NOT NULL,
    wish TEXT,
    about_decision BOOLEAN NOT NULL DEFAULT FALSE,
    team TEXT,
    person_complained TEXT,
    norms TEXT NOT NULL DEFAULT '',
    committee BOOLEAN NOT NULL DEFAULT FALSE,
    handler_id BIGINT REFERENCES users(id),
    decline_ground TEXT,
    -- The legal deadline as the engine computed it at the last change (for the overdue lists).
    deadline_on DATE NOT NULL,
    anonymised_on DATE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX complaints_state ON complaints (state, deadline_on);
CREATE INDEX complaints_handler ON complaints (handler_id, state);
CREATE INDEX complaints_received ON complaints (received_on);

-- How the handling went, one row per complaint (made with it).
CREATE TABLE complaint_progress (
    complaint_id BIGINT PRIMARY KEY NOT NULL REFERENCES complaints(id),
    referred_on DATE,
    mediation_target DATE,
    mediation_contact_on DATE,
    mediation_feedback TEXT,
    complainant_satisfied BOOLEAN,
    file_consent_on DATE,
    file_consent_how TEXT,
    person_informed_on DATE,
    postponement_weeks INTEGER NOT NULL DEFAULT 0,
    postponement_notice_on DATE,
    consented_until DATE,
    advice TEXT,
    advice_on DATE,
    decided_on DATE,
    closed_on DATE,
    ombudsman TEXT,
    ombudsman_on DATE,
    ombudsman_outcome TEXT,
    council_feedback_on DATE
);

-- Every step and every recorded fact: who, when, why. Only ever added to, except that the retention
-- job erases the reason texts with the other personal data.
CREATE TABLE complaint_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    at TIMESTAMP NOT NULL,
    actor_id BIGINT REFERENCES users(id),
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX complaint_events_case ON complaint_events (complaint_id, id);

CREATE TABLE complaint_category_links (
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    category_id BIGINT NOT NULL REFERENCES complaint_categories(id),
    PRIMARY KEY (complaint_id, category_id)
);

-- The parts of a complaint, each judged on its own (Awb 9:12).
CREATE TABLE complaint_elements (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    judgement TEXT,
    norms TEXT NOT NULL DEFAULT '',
    conclusion TEXT
);
CREATE INDEX complaint_elements_case ON complaint_elements (complaint_id, position);

CREATE TABLE complaint_hearings (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    planned_at TIMESTAMP NOT NULL,
    mode TEXT NOT NULL,
    place TEXT NOT NULL,
    invitees TEXT NOT NULL,
    invitations_sent_on DATE,
    held BOOLEAN NOT NULL DEFAULT FALSE,
    attendance TEXT,
    minutes TEXT,
    skipped_ground TEXT
);
CREATE INDEX complaint_hearings_case ON complaint_hearings (complaint_id);

CREATE TABLE complaint_followups (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    description TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on DATE NOT NULL,
    done_on DATE
);
CREATE INDEX complaint_followups_case ON complaint_followups (complaint_id);

CREATE TABLE complaint_attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX complaint_attachments_case ON complaint_attachments (complaint_id);

-- Letters for people without an e-mail address: made in the same transaction as the step that causes
-- them, printed and posted by the clerk.
CREATE TABLE complaint_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    printed_on DATE
);
CREATE INDEX complaint_letters_open ON complaint_letters (printed_on, id);

-- Reminders sent, so each goes out once (also with several instances).
CREATE TABLE complaint_reminders (
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    kind TEXT NOT NULL,
    due_on DATE NOT NULL,
    level TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (complaint_id, kind, due_on, level)
);
