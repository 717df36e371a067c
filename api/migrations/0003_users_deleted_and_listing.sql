-- migrate:up
-- DELETE /v1/users/{id} retires an account instead of removing the row: releases and audit entries keep
-- pointing at the user who made them.
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
-- Keyset pagination of user and label lists (ids are UUID v7, so id order is creation order).
CREATE INDEX users_label_id_created ON users (label_id, created_at, id);
CREATE INDEX users_created ON users (created_at, id);
CREATE INDEX labels_created ON labels (created_at, id);
CREATE INDEX labels_name ON labels (name, id);

-- migrate:down
DROP INDEX labels_name;
DROP INDEX labels_created;
DROP INDEX users_created;
DROP INDEX users_label_id_created;
ALTER TABLE users DROP COLUMN deleted_at;
