DELETE FROM codebook WHERE code = 'regels_onduidelijk';
UPDATE codebook SET position = position - 1 WHERE position > 12;
ALTER TABLE text_codes DROP COLUMN suggested_by;
ALTER TABLE text_codes DROP COLUMN decision;
