DROP TABLE interview_offers;
ALTER TABLE interview_volunteers ADD COLUMN created_on DATE NOT NULL DEFAULT '1970-01-01';
-- The random answer-set numbers stay: the order they replaced is gone.
