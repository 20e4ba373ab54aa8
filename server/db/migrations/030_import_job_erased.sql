-- Rows of an import that named alumni erased on request: never imported again, listed in the job's report.
ALTER TABLE import_jobs ADD COLUMN erased jsonb NOT NULL DEFAULT '[]';
