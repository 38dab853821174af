DROP TABLE paper_reports;
DROP TABLE paper_quarantine;
DROP TABLE paper_forms;
