DROP TABLE paper_scan_pending;
DROP TABLE paper_layouts;
