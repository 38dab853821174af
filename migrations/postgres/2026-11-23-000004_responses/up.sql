-- Answers, drafts, e-mail addresses for invitations and interview volunteers.
--
-- Anonymity by construction: a response row has no column that refers to an invitation, a code,
-- an address or a person; its time is a date only. The only link between an invitation and its
-- answers is the wave they both belong to. Drafts (answers saved before sending) are kept per
-- invitation so a respondent can continue later, and are deleted in the transaction that stores
-- the response.
CREATE TABLE responses (
    id BIGSERIAL PRIMARY KEY,
    wave_id BIGINT NOT NULL REFERENCES waves(id),
    version_id BIGINT NOT NULL REFERENCES questionnaire_versions(id),
    channel TEXT NOT NULL,
    helper TEXT,
    language TEXT NOT NULL,
    answered_on DATE NOT NULL,
    answers TEXT NOT NULL
);
CREATE INDEX responses_wave ON responses (wave_id, answered_on);

CREATE TABLE drafts (
    invitation_id BIGINT PRIMARY KEY NOT NULL REFERENCES invitations(id),
    answers TEXT NOT NULL,
    step INTEGER NOT NULL,
    updated_on DATE NOT NULL
);

-- Supplied e-mail addresses, only for sending the invitation and reminders. The row goes when the
-- code is used and at the latest when the wave closes.
CREATE TABLE invitation_addresses (
    invitation_id BIGINT PRIMARY KEY NOT NULL REFERENCES invitations(id),
    email TEXT NOT NULL,
    code TEXT NOT NULL,
    language TEXT NOT NULL,
    reminders_sent INTEGER NOT NULL DEFAULT 0
);

-- People who offered to talk about their experience; no link to any answers.
CREATE TABLE interview_volunteers (
    id BIGSERIAL PRIMARY KEY,
    wave_id BIGINT NOT NULL REFERENCES waves(id),
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    language TEXT NOT NULL,
    best_time TEXT NOT NULL,
    created_on DATE NOT NULL
);
CREATE INDEX interview_volunteers_wave ON interview_volunteers (wave_id);

ALTER TABLE waves ADD COLUMN reminders_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE waves ADD COLUMN closed_cleanup BOOLEAN NOT NULL DEFAULT FALSE;
