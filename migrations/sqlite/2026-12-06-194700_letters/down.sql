ALTER TABLE mail_outbox DROP COLUMN attachment;
ALTER TABLE mail_outbox DROP COLUMN attachment_name;
ALTER TABLE complaint_letters DROP COLUMN batch_id;
ALTER TABLE complaint_letters DROP COLUMN facts;
ALTER TABLE complaint_letters DROP COLUMN channel;
ALTER TABLE complaint_letters DROP COLUMN addressee;
DROP TABLE letterhead_logos;
DROP TABLE complaint_letter_batches;
