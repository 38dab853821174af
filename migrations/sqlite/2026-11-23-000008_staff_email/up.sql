-- Staff e-mail addresses, for reminders about complaints (staff data, not client data).
ALTER TABLE users ADD COLUMN email TEXT;
