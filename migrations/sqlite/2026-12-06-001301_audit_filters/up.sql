-- The audit log is read by account, by record and by action (the administrator's filters, and the
-- question "who saw or changed this complaint?"); the period uses the existing index on `at`.
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
