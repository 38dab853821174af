ALTER TABLE waves DROP COLUMN closed_cleanup;
ALTER TABLE waves DROP COLUMN reminders_sent;
DROP TABLE interview_volunteers;
DROP TABLE invitation_addresses;
DROP TABLE drafts;
DROP TABLE responses;
