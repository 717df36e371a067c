import { readFile } from 'node:fs/promises';
import { memoryPages, validateXML, type XMLFileInfo } from 'xmllint-wasm';

export interface XsdResult {
  valid: boolean;
  /** `line N: <libxml2 message>`, one per problem; empty when valid. */
  errors: string[];
}

const SCHEMA_FILE = 'release-notification.xsd';
const AVS_FILE = 'allowed-value-sets.xsd';

interface Schemas {
  schema: XMLFileInfo;
  preload: XMLFileInfo;
}

let schemas: Promise<Schemas> | null = null;

/** The vendored XSDs, read from disk once per process (3.5 MB; see xsd/README.md). */
function loadSchemas(): Promise<Schemas> {
  schemas ??= (async () => {
    const dir = new URL('./xsd/', import.meta.url);
    const [schema, avs] = await Promise.all([
      readFile(new URL(SCHEMA_FILE, dir), 'utf8'),
      readFile(new URL(AVS_FILE, dir), 'utf8'),
    ]);
    return {
      schema: { fileName: SCHEMA_FILE, contents: schema },
      preload: { fileName: AVS_FILE, contents: avs },
    };
  })();
  return schemas;
}

function describe(error: { message: string; loc: { lineNumber: number } | null }): string {
  return error.loc ? `line ${error.loc.lineNumber}: ${error.message}` : error.message;
}

/**
 * Validates ERN 4.3 messages against the vendored XSD in one xmllint run (libxml2 compiled to WASM):
 * parsing the 3.5 MB schema dominates the cost, so validating many messages at once is much cheaper per
 * message. The XSD alone is not enough — see reference-rules.ts for what it cannot check.
 */
export async function validateErnMany(xmls: readonly string[]): Promise<XsdResult[]> {
  if (xmls.length === 0) return [];
  const { schema, preload } = await loadSchemas();
  const files = xmls.map((contents, i) => ({ fileName: `message-${i}.xml`, contents }));
  try {
    const result = await validateXML({
      xml: files,
      schema,
      preload,
      // An album with many tracks and the AVS enumerations need more than the 32 MiB default.
      maxMemoryPages: 512 * memoryPages.MiB,
    });
    if (result.valid) return files.map(() => ({ valid: true, errors: [] }));
    const byFile = files.map(({ fileName }) =>
      result.errors.filter((error) => error.loc?.fileName === fileName).map(describe),
    );
    // A failed run whose errors name no file fails every message: an unattributed error is not a pass.
    const attributed = byFile.some((errors) => errors.length > 0);
    return byFile.map((errors) =>
      attributed
        ? { valid: errors.length === 0, errors }
        : { valid: false, errors: [result.rawOutput.trim()] },
    );
  } catch (error) {
    // xmllint ended in a way that is neither "valid" nor "invalid" (out of memory, crash): never treat
    // that as a pass.
    const reason = `xmllint could not validate the message: ${error instanceof Error ? error.message : String(error)}`;
    return files.map(() => ({ valid: false, errors: [reason] }));
  }
}

/** Validates one ERN 4.3 message against the vendored XSD. */
export async function validateErn(xml: string): Promise<XsdResult> {
  const [result] = await validateErnMany([xml]);
  return result!;
}
