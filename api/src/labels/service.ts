import type { Static } from 'typebox';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { keyset } from '../http/pagination.ts';
import { checkedDpid } from '../identifiers/dpid.ts';
import { authorize, ensureVisible, visibilityFilters } from '../policy/authorize.ts';
import { visibleWhere } from '../policy/sql.ts';
import { findLabel, insertLabel, type LabelRow, listLabelRows, updateLabelRow } from './repository.ts';
import type { CreateLabelBody, ListLabelsQuery, UpdateLabelBody } from './schema.ts';
import { labels } from './tables.ts';

/** A label as clients see it; the policy resource of a label is the label itself. */
const labelView = (label: LabelRow) => ({
  id: label.id,
  name: label.name,
  dpid: label.dpid,
  createdAt: label.createdAt.toISOString(),
  updatedAt: label.updatedAt.toISOString(),
});
const asResource = (label: LabelRow) => ({ ...label, labelId: label.id });

/** A label's DPID is optional: null and absent pass through. */
const dpidOf = (raw: string | null | undefined) =>
  raw === undefined || raw === null ? raw : checkedDpid(raw, 'dpid is not a valid DDEX Party ID');

const dpidTaken = () => new ApiError('CONFLICT', 'Another label already has this DPID');

async function visibleLabel(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<LabelRow> {
  const label = await findLabel(deps.db, id);
  return ensureVisible(actor, 'label:read', label && asResource(label), 'The label');
}

/** Admins create labels; a DPID another label has is a 409. */
export async function createLabel(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  body: Static<typeof CreateLabelBody>,
) {
  const dpid = dpidOf(body.dpid) ?? null;
  authorize(actor, 'label:create');
  const label = await insertLabel(deps.db, { name: body.name, dpid });
  if (!label) throw dpidTaken();
  return labelView(label);
}

/** The labels `actor` sees, one keyset page at a time. */
export async function listLabels(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  query: Static<typeof ListLabelsQuery>,
) {
  const page = keyset(
    { id: labels.id, fields: { createdAt: labels.id, name: labels.name }, fallback: 'createdAt' },
    query,
  );
  const visible = visibleWhere(visibilityFilters(actor, 'label:read'), { id: labels.id, labelId: labels.id });
  const rows = await listLabelRows(deps.db, [visible, page.after], page.orderBy, page.fetch);
  const result = page.page(rows, (row) => row.name);
  return { items: result.items.map(labelView), nextCursor: result.nextCursor };
}

export async function getLabel(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  return labelView(await visibleLabel(deps, actor, id));
}

/** Renames a label or sets its DPID (admins); a DPID another label has is a 409. */
export async function updateLabel(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  body: Static<typeof UpdateLabelBody>,
) {
  const dpid = dpidOf(body.dpid);
  const visible = await visibleLabel(deps, actor, id);
  authorize(actor, 'label:update', visible);
  const changes = {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(dpid === undefined ? {} : { dpid }),
  };
  const updated = await updateLabelRow(deps.db, visible.id, changes, deps.clock.now());
  if (!updated) throw dpidTaken();
  return labelView(updated);
}
