-- Export and monitor read a wave's answer sets in id order, in batches.
CREATE INDEX responses_wave_id ON responses (wave_id, id);
