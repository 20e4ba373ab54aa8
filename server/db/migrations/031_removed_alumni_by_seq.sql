-- The last change that removed someone from recognition (erasure, withdrawn consent), found at once: a directory
-- snapshot built before it is never served again (server/sync/directory-snapshot.ts asks on every request).
CREATE INDEX alumni_removed_by_seq ON alumni (seq) WHERE NOT recognised;
