-- paper: the whole scan of a page whose QR code could not be read, kept while it waits for a
-- clerk, so it can be read once the clerk types its form and page number. It goes with its
-- waiting row (settled or removed).
CREATE TABLE paper_scan_images (
    pending_id BIGINT PRIMARY KEY NOT NULL REFERENCES paper_scan_pending (id) ON DELETE CASCADE,
    page_png BLOB NOT NULL
);
