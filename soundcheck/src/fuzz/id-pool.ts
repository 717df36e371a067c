/** A resource the run knows exists: its id and the path parameters of its parents. */
export interface KnownResource {
  params: Record<string, string>;
  id: string;
}

const PARAM = /\{([^}]+)\}/g;

/** The collection a path parameter indexes: `/v1/releases/{id}/tracks/{trackId}`, `trackId` → `/v1/releases/{id}/tracks`. */
export function collectionOf(template: string, param: string): string {
  return template.slice(0, template.indexOf(`/{${param}}`));
}

export const paramsOf = (template: string): string[] =>
  [...template.matchAll(PARAM)].map((match) => match[1] ?? '');

/**
 * Ids of resources that exist, by collection: seeded by the caller and filled as the run's POSTs create
 * resources (producer → consumer by path: `POST /v1/releases` feeds `{id}` of `/v1/releases/{id}/…`).
 */
export class IdPool {
  private readonly byCollection = new Map<string, KnownResource[]>();

  add(collection: string, resource: KnownResource): void {
    const list = this.byCollection.get(collection) ?? [];
    if (!list.some((known) => known.id === resource.id)) list.push(resource);
    this.byCollection.set(collection, list);
  }

  remove(id: string): void {
    for (const list of this.byCollection.values()) {
      const index = list.findIndex((known) => known.id === id);
      if (index >= 0) list.splice(index, 1);
    }
  }

  /** Every way to fill the template's path parameters with known ids (the last parameter decides). */
  fillings(template: string): Array<Record<string, string>> {
    const params = paramsOf(template);
    const last = params.at(-1);
    if (!last) return [];
    const known = this.byCollection.get(collectionOf(template, last)) ?? [];
    return known
      .map((resource) => ({ ...resource.params, [last]: resource.id }))
      .filter((filling) => params.every((param) => typeof filling[param] === 'string'));
  }

  /** Records a created resource: the POST's template is the collection, its path parameters the parents. */
  recordCreated(postTemplate: string, params: Record<string, string>, body: unknown): void {
    const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
    if (typeof id === 'string') this.add(postTemplate, { params, id });
  }
}
