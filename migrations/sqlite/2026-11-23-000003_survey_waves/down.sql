DROP TABLE invitations;
DROP TABLE waves;
DROP TABLE questionnaire_versions;
