import { resourceRef, technicalRef } from '../references.ts';
import { type ResourceFile, resourceFiles } from '../resource-files.ts';
import type { ErnInput, ErnTrack } from '../types.ts';
import {
  ddexAudioCodec,
  ddexContributorRole,
  ddexImageCodec,
  ddexParentalWarning,
  displayTitle,
  isoDuration,
} from '../vocabulary.ts';
import { type DisplayArtist, displayArtistName, trackDisplayArtists } from './display-artists.ts';
import { artistReferences } from './parties.ts';
import { branch, leaf, type XmlNode } from './xml.ts';

function appendFile(node: XmlNode, file: ResourceFile) {
  branch(node, 'File', (f) => {
    leaf(f, 'URI', file.path);
    branch(f, 'HashSum', (hash) => {
      leaf(hash, 'Algorithm', 'SHA-256');
      leaf(hash, 'HashSumValue', file.sha256);
    });
    leaf(f, 'FileSize', file.sizeBytes);
  });
}

/** DisplayArtist elements (SequenceNumber from 1) for a resource or release. */
export function appendDisplayArtists(
  node: XmlNode,
  input: ErnInput,
  artists: readonly DisplayArtist[],
): void {
  const refOf = artistReferences(input);
  artists.forEach((artist, index) => {
    branch(
      node,
      'DisplayArtist',
      (display) => {
        leaf(display, 'ArtistPartyReference', refOf(artist.artistId));
        leaf(display, 'DisplayArtistRole', artist.role);
      },
      { SequenceNumber: String(index + 1) },
    );
  });
}

function appendSoundRecording(
  list: XmlNode,
  input: ErnInput,
  track: ErnTrack,
  index: number,
  file: ResourceFile,
) {
  const refOf = artistReferences(input);
  const pLine = track.pLine ?? input.release.pLine;
  const title = displayTitle(track.title, track.version);
  const artists = trackDisplayArtists(input, track);
  branch(list, 'SoundRecording', (sr) => {
    leaf(sr, 'ResourceReference', resourceRef.track(index));
    leaf(sr, 'Type', 'MusicalWorkSoundRecording');
    branch(sr, 'SoundRecordingEdition', (edition) => {
      branch(edition, 'ResourceId', (id) => leaf(id, 'ISRC', track.isrc));
      branch(edition, 'PLine', (line) => {
        leaf(line, 'Year', pLine.year);
        leaf(line, 'PLineText', `${pLine.year} ${pLine.owner}`);
      });
      leaf(edition, 'RecordingMode', track.audio.channels === 1 ? 'Mono' : 'Stereo');
      branch(edition, 'TechnicalDetails', (technical) => {
        leaf(technical, 'TechnicalResourceDetailsReference', technicalRef.track(index));
        branch(technical, 'DeliveryFile', (delivery) => {
          leaf(delivery, 'Type', 'AudioFile');
          leaf(delivery, 'AudioCodecType', ddexAudioCodec[track.audio.codec]);
          leaf(delivery, 'NumberOfChannels', track.audio.channels);
          leaf(delivery, 'SamplingRate', track.audio.sampleRateHz / 1000, { UnitOfMeasure: 'kHz' });
          leaf(delivery, 'BitsPerSample', track.audio.bitDepth);
          leaf(delivery, 'Duration', isoDuration(track.audio.durationMs));
          appendFile(delivery, file);
        });
      });
    });
    if (track.iswc) branch(sr, 'WorkId', (work) => leaf(work, 'ISWC', track.iswc!));
    leaf(sr, 'DisplayTitleText', title);
    branch(sr, 'DisplayTitle', (t) => leaf(t, 'TitleText', title));
    leaf(sr, 'DisplayArtistName', displayArtistName(input, artists));
    appendDisplayArtists(sr, input, artists);
    const credited = track.contributors.flatMap((c) =>
      c.role === 'MainArtist' || c.role === 'FeaturedArtist' ? [] : [{ artistId: c.artistId, role: c.role }],
    );
    credited.forEach((contributor, n) => {
      branch(
        sr,
        'Contributor',
        (c) => {
          leaf(c, 'ContributorPartyReference', refOf(contributor.artistId));
          leaf(c, 'Role', ddexContributorRole[contributor.role]);
        },
        { SequenceNumber: String(n + 1) },
      );
    });
    leaf(sr, 'Duration', isoDuration(track.audio.durationMs));
    leaf(sr, 'ParentalWarningType', ddexParentalWarning[track.parentalAdvisory]);
    if (track.instrumental) leaf(sr, 'IsInstrumental', 'true');
    if (track.language && !track.instrumental) leaf(sr, 'LanguageOfPerformance', track.language);
  });
}

function appendCoverImage(list: XmlNode, input: ErnInput, file: ResourceFile, senderDpid: string) {
  const count = input.tracks.length;
  branch(list, 'Image', (image) => {
    leaf(image, 'ResourceReference', resourceRef.artwork(count));
    leaf(image, 'Type', 'FrontCoverImage');
    branch(image, 'ResourceId', (id) =>
      leaf(id, 'ProprietaryId', `IMG-${input.artwork.id}`, { Namespace: `DPID:${senderDpid}` }),
    );
    branch(image, 'TechnicalDetails', (technical) => {
      leaf(technical, 'TechnicalResourceDetailsReference', technicalRef.artwork(count));
      leaf(technical, 'ImageCodecType', ddexImageCodec[input.artwork.format]);
      leaf(technical, 'ImageHeight', input.artwork.height, { UnitOfMeasure: 'Pixel' });
      leaf(technical, 'ImageWidth', input.artwork.width, { UnitOfMeasure: 'Pixel' });
      appendFile(technical, file);
    });
  });
}

/** ResourceList: one SoundRecording per track (with its edition, technical details and hash), then the cover. */
export function appendResources(root: XmlNode, input: ErnInput, senderDpid: string): void {
  const files = resourceFiles(input);
  branch(root, 'ResourceList', (list) => {
    input.tracks.forEach((track, index) => {
      appendSoundRecording(list, input, track, index, files.audio[index]!);
    });
    appendCoverImage(list, input, files.artwork, senderDpid);
  });
}
