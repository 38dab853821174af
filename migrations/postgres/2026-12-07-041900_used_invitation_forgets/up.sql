-- When an invitation is used (its answer set is stored), its draft and its e-mail address are
-- deleted by the database itself, in the statement that marks it used (issue 20). Before, the
-- product sent two DELETE statements inside the write transaction on every answer set; a trigger
-- also covers every other way an invitation is marked used.
CREATE FUNCTION invitations_used_forgets() RETURNS trigger AS $$
BEGIN
    DELETE FROM drafts WHERE invitation_id = NEW.id;
    DELETE FROM invitation_addresses WHERE invitation_id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER invitations_used_forgets
AFTER UPDATE OF used ON invitations
FOR EACH ROW WHEN (NEW.used AND NOT OLD.used)
EXECUTE FUNCTION invitations_used_forgets();
