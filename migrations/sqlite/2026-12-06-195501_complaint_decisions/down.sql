DROP TABLE complaint_decisions;
ALTER TABLE complaint_elements DROP COLUMN reasoning;
ALTER TABLE complaint_elements DROP COLUMN findings;
