import vectors from '../../fixtures/identifiers/test-vectors.json' with { type: 'json' };

/** The real valid and invalid codes of tests/fixtures/identifiers (see its README for provenance). */
export { vectors };
