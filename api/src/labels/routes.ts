import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { keyset } from '../http/pagination.ts';
import { checkedDpid } from '../identifiers/dpid.ts';
import { authorize, ensureVisible, visibilityFilters } from '../policy/authorize.ts';
import { visibleWhere } from '../policy/sql.ts';
import { findLabel, insertLabel, type LabelRow, listLabels, updateLabel } from './repository.ts';
import {
  CreateLabelBody,
  Label,
  LabelPage,
  LabelParams,
  ListLabelsQuery,
  UpdateLabelBody,
} from './schema.ts';
import { labels } from './tables.ts';

const secured = [{ bearerAuth: [] }];

/** A label as clients see it; the policy resource of a label is the label itself. */
const toJson = (label: LabelRow) => ({
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

/** /v1/labels (API.md, "Users and labels"): admins write, everyone reads the labels they see. */
export function registerLabelRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: Static<typeof CreateLabelBody> }>(
    '/v1/labels',
    {
      schema: {
        tags: ['labels'],
        summary: 'Create a label (admin)',
        security: secured,
        body: CreateLabelBody,
        response: { 201: Label },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const dpid = dpidOf(request.body.dpid) ?? null;
      authorize(actor, 'label:create');
      const label = await insertLabel(deps.db, { name: request.body.name, dpid });
      if (!label) throw dpidTaken();
      return reply.code(201).send(toJson(label));
    },
  );

  app.get<{ Querystring: Static<typeof ListLabelsQuery> }>(
    '/v1/labels',
    {
      schema: {
        tags: ['labels'],
        summary: 'The labels the caller sees',
        security: secured,
        querystring: ListLabelsQuery,
        response: { 200: LabelPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const page = keyset(
        { id: labels.id, fields: { createdAt: labels.id, name: labels.name }, fallback: 'createdAt' },
        request.query,
      );
      const visible = visibleWhere(visibilityFilters(actor, 'label:read'), {
        id: labels.id,
        labelId: labels.id,
      });
      const rows = await listLabels(deps.db, [visible, page.after], page.orderBy, page.fetch);
      const result = page.page(rows, (row) => row.name);
      return { items: result.items.map(toJson), nextCursor: result.nextCursor };
    },
  );

  app.get<{ Params: Static<typeof LabelParams> }>(
    '/v1/labels/:id',
    {
      schema: {
        tags: ['labels'],
        summary: 'One label',
        security: secured,
        params: LabelParams,
        response: { 200: Label },
      },
    },
    async (request) => {
      const label = await findLabel(deps.db, request.params.id);
      const visible = ensureVisible(actorOf(request), 'label:read', label && asResource(label), 'The label');
      return toJson(visible);
    },
  );

  app.patch<{ Params: Static<typeof LabelParams>; Body: Static<typeof UpdateLabelBody> }>(
    '/v1/labels/:id',
    {
      schema: {
        tags: ['labels'],
        summary: 'Rename a label or set its DPID (admin)',
        security: secured,
        params: LabelParams,
        body: UpdateLabelBody,
        response: { 200: Label },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const dpid = dpidOf(request.body.dpid);
      const label = await findLabel(deps.db, request.params.id);
      const visible = ensureVisible(actor, 'label:read', label && asResource(label), 'The label');
      authorize(actor, 'label:update', visible);
      const changes = {
        ...(request.body.name === undefined ? {} : { name: request.body.name }),
        ...(dpid === undefined ? {} : { dpid }),
      };
      const updated = await updateLabel(deps.db, visible.id, changes, deps.clock.now());
      if (!updated) throw dpidTaken();
      return toJson(updated);
    },
  );
}
