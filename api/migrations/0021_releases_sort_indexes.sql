-- migrate:up
-- An admin (or reviewer) lists every label's releases: sorted by release date or title with no label filter,
-- only an index in the sort's order keeps the page a short index scan. Without these, PostgreSQL read all
-- 100 000 releases of the database suite's catalogue (Seq Scan + top-N sort) for each page of 25.
CREATE INDEX releases_release_date ON releases (release_date, id);
CREATE INDEX releases_title ON releases (title, id);

-- migrate:down
DROP INDEX releases_title;
DROP INDEX releases_release_date;
