DROP TABLE audit_log;
DROP TABLE rate_limits;
DROP TABLE sessions;
DROP TABLE user_roles;
DROP TABLE users;
DROP TABLE settings;
