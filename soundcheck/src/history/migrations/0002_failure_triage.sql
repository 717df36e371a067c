-- migrate:up
-- A failure's signature (normalised message + top frame in our code) groups failures into clusters across
-- runs; the API areas a test touched (route templates of its calls) say where a run broke.
ALTER TABLE test_results ADD COLUMN signature text;
ALTER TABLE test_results ADD COLUMN areas text[] NOT NULL DEFAULT '{}';
CREATE INDEX test_results_signature_idx ON test_results (signature) WHERE signature IS NOT NULL;

-- migrate:down
DROP INDEX test_results_signature_idx;
ALTER TABLE test_results DROP COLUMN areas;
ALTER TABLE test_results DROP COLUMN signature;
