DROP TABLE paper_prints;
