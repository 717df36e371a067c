import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../auth/authenticate.ts';
import type { Deps } from '../deps.ts';
import { refuseBody } from '../http/refuse-body.ts';
import { ReleaseParams, ReleaseWithTracks } from '../releases/schema.ts';
import { RequestChangesBody, ValidationReport } from './schema.ts';
import { type ImplementedAction, releaseActions, runReleaseAction, validateReleaseNow } from './service.ts';

type Params = { Params: Static<typeof ReleaseParams> };
const common = { tags: ['releases'], security: [{ bearerAuth: [] }] };

const actionSummaries: Record<ImplementedAction, string> = {
  submit: 'Submit for review (blocking QC findings → 422)',
  withdraw: 'Withdraw a submission back to draft',
  'start-review': 'Start reviewing a submitted release',
  'request-changes': 'Send the release back with at least one reason',
  approve: 'Approve (never by the release’s creator → 422)',
  archive: 'Archive a draft, a release with changes requested, or one taken down',
};

/** /v1/releases/{id}/validate and the workflow actions (API.md, "Workflow"): QC, then the state machine. */
export function registerReviewRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<Params>(
    '/v1/releases/:id/validate',
    {
      schema: {
        ...common,
        summary: 'Run the QC rules',
        params: ReleaseParams,
        response: { 200: ValidationReport },
      },
    },
    async (request) => {
      refuseBody(request.body);
      return validateReleaseNow(deps, actorOf(request), request.params.id);
    },
  );

  for (const action of releaseActions) {
    const withReasons = action === 'request-changes';
    app.post<Params & { Body: Static<typeof RequestChangesBody> | undefined }>(
      `/v1/releases/:id/${action}`,
      {
        schema: {
          ...common,
          tags: ['workflow'],
          summary: actionSummaries[action],
          params: ReleaseParams,
          ...(withReasons ? { body: RequestChangesBody } : {}),
          response: { 200: ReleaseWithTracks },
        },
      },
      async (request) => {
        if (!withReasons) refuseBody(request.body);
        return runReleaseAction(deps, actorOf(request), request.params.id, action, request.body?.reasons);
      },
    );
  }
}
