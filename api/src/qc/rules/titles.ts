import type { QcRelease } from '../types.ts';

/** Every title of a release (the release's and each track's) with the field that holds it. */
export function titlesOf(release: QcRelease): Array<{ field: string; title: string }> {
  return [
    { field: 'title', title: release.title },
    ...release.tracks.map((track, index) => ({ field: `tracks.${index}.title`, title: track.title })),
  ];
}
