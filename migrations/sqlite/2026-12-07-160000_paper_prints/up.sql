-- paper: every run of printed forms of a wave (numbers first..last, the language and the layout
-- they were printed with), so that a number is handed out once, a typed number can be checked
-- against what was printed, and a page read by its typed number gets the layout it was printed
-- with. Nothing here is about a person: the forms are handed out without a name.
CREATE TABLE paper_prints (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    wave_id BIGINT NOT NULL REFERENCES waves (id) ON DELETE CASCADE,
    first_number BIGINT NOT NULL,
    last_number BIGINT NOT NULL,
    lang TEXT NOT NULL,
    layout_id BIGINT NOT NULL REFERENCES paper_layouts (id),
    printed_on DATE NOT NULL,
    CHECK (first_number >= 1 AND first_number <= last_number)
);
CREATE INDEX paper_prints_wave ON paper_prints (wave_id);
