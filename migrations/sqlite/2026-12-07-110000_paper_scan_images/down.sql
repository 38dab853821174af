DROP TABLE paper_scan_images;
