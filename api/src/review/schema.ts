import { Type } from 'typebox';
import { Reason } from '../releases/schema.ts';

/** The body of request-changes: at least one reason a reviewer gives. */
export const RequestChangesBody = Type.Object(
  { reasons: Type.Array(Reason, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);

export const Finding = Type.Object({
  rule: Type.String(),
  severity: Type.Enum(['block', 'warn']),
  field: Type.String(),
  message: Type.String(),
});

export const ValidationReport = Type.Object({ valid: Type.Boolean(), findings: Type.Array(Finding) });
