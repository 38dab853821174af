DROP INDEX responses_wave_id;
