DROP TABLE interview_offers;
ALTER TABLE interview_volunteers ADD COLUMN created_on DATE NOT NULL DEFAULT '1970-01-01';
CREATE SEQUENCE responses_id_seq OWNED BY responses.id;
ALTER TABLE responses ALTER COLUMN id SET DEFAULT nextval('responses_id_seq');
