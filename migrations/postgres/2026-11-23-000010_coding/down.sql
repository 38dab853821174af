DROP TABLE text_codes;
DROP TABLE coded_texts;
DROP TABLE codebook;
