DROP TRIGGER invitations_used_forgets ON invitations;
DROP FUNCTION invitations_used_forgets();
