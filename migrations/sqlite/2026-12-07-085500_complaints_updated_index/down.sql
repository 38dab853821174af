DROP INDEX complaints_updated;
