import { partyRef, releaseRef, resourceRef } from '../references.ts';
import type { ErnInput } from '../types.ts';
import { ddexParentalWarning, ddexReleaseType, displayTitle, isoDuration } from '../vocabulary.ts';
import { displayArtistName } from './display-artists.ts';
import { appendDisplayArtists } from './resources.ts';
import { branch, leaf, type XmlNode } from './xml.ts';

function appendResourceGroup(release: XmlNode, input: ErnInput) {
  const discs = [...new Set(input.tracks.map((track) => track.discNumber))].sort((a, b) => a - b);
  const contentItem = (group: XmlNode, index: number, sequence: number) =>
    branch(group, 'ResourceGroupContentItem', (item) => {
      leaf(item, 'SequenceNumber', sequence);
      leaf(item, 'ReleaseResourceReference', resourceRef.track(index));
    });
  branch(release, 'ResourceGroup', (group) => {
    if (discs.length > 1) {
      // One sub-group per disc, so the partner shows the discs as the label laid them out.
      for (const disc of discs) {
        branch(
          group,
          'ResourceGroup',
          (sub) => {
            leaf(sub, 'SequenceNumber', disc);
            input.tracks.forEach((track, index) => {
              if (track.discNumber === disc) contentItem(sub, index, track.trackNumber);
            });
          },
          // AVS ResourceGroupType "Component": a part of the release such as a disc.
          { ResourceGroupType: 'Component' },
        );
      }
    } else {
      input.tracks.forEach((track, index) => {
        contentItem(group, index, track.trackNumber);
      });
    }
    leaf(group, 'LinkedReleaseResourceReference', resourceRef.artwork(input.tracks.length), {
      LinkDescription: 'CoverArt',
    });
  });
}

function appendMainRelease(list: XmlNode, input: ErnInput) {
  const { release } = input;
  const title = displayTitle(release.title, release.version);
  const artists = input.primaryArtistIds.map((artistId) => ({ artistId, role: 'MainArtist' as const }));
  const totalMs = input.tracks.reduce((sum, track) => sum + track.audio.durationMs, 0);
  branch(list, 'Release', (node) => {
    leaf(node, 'ReleaseReference', releaseRef.main);
    leaf(node, 'ReleaseType', ddexReleaseType[release.releaseType]);
    branch(node, 'ReleaseId', (id) => leaf(id, 'ICPN', release.upc));
    leaf(node, 'DisplayTitleText', title);
    branch(node, 'DisplayTitle', (t) => leaf(t, 'TitleText', title));
    leaf(node, 'DisplayArtistName', displayArtistName(input, artists));
    appendDisplayArtists(node, input, artists);
    leaf(node, 'ReleaseLabelReference', partyRef.label);
    branch(node, 'PLine', (line) => {
      leaf(line, 'Year', release.pLine.year);
      leaf(line, 'PLineText', `${release.pLine.year} ${release.pLine.owner}`);
    });
    branch(node, 'CLine', (line) => {
      leaf(line, 'Year', release.cLine.year);
      leaf(line, 'CLineText', `${release.cLine.year} ${release.cLine.owner}`);
    });
    leaf(node, 'Duration', isoDuration(totalMs));
    branch(node, 'Genre', (genre) => leaf(genre, 'GenreText', release.genre));
    leaf(node, 'ReleaseDate', release.releaseDate);
    leaf(node, 'OriginalReleaseDate', release.originalReleaseDate ?? release.releaseDate);
    leaf(node, 'ParentalWarningType', ddexParentalWarning[release.parentalAdvisory]);
    appendResourceGroup(node, input);
  });
}

/** ReleaseList: the main Release (R0), then one TrackRelease per track (R1…). */
export function appendReleases(root: XmlNode, input: ErnInput, senderDpid: string): void {
  branch(root, 'ReleaseList', (list) => {
    appendMainRelease(list, input);
    input.tracks.forEach((track, index) => {
      branch(list, 'TrackRelease', (node) => {
        leaf(node, 'ReleaseReference', releaseRef.track(index));
        branch(node, 'ReleaseId', (id) =>
          leaf(id, 'ProprietaryId', `TRK-${input.release.upc}-${track.isrc}`, {
            Namespace: `DPID:${senderDpid}`,
          }),
        );
        leaf(node, 'ReleaseResourceReference', resourceRef.track(index));
        leaf(node, 'ReleaseLabelReference', partyRef.label);
        branch(node, 'Genre', (genre) => leaf(genre, 'GenreText', input.release.genre));
      });
    });
  });
}
