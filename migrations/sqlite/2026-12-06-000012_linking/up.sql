-- Nothing stored may pair a person with an answer set by order, time or language (issue 13).
--
-- 1. Answer sets get random numbers instead of numbers in the order they came in, so the order of
--    the table, of the export and of every list built from it says nothing about who sent when.
--    Existing answer sets are renumbered the same way (nothing refers to an answer set's number).
UPDATE responses SET id = (random() & 4611686018427387903) + 1;

-- 2. Interview volunteers keep no date: the volunteer list and the answers shared the day.
ALTER TABLE interview_volunteers DROP COLUMN created_on;

-- 3. The interview offer is a single-use token made in the transaction that stores a web answer
--    set. Only its hash and the wave are kept: nothing refers to the answer set, and there is no
--    time, only the last day on which it may be used.
CREATE TABLE interview_offers (
    token_hash TEXT PRIMARY KEY NOT NULL,
    wave_id BIGINT NOT NULL REFERENCES waves(id),
    valid_until DATE NOT NULL,
    used BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX interview_offers_valid ON interview_offers (valid_until);
