import { ImageRun } from 'docx';

type PictureOptions = {
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  /** The picture's place in the data folder (images/<slug>-<content hash>.png): unique to its content. */
  key: string;
  data: Uint8Array;
  transformation: { width: number; height: number };
  altText: { name: string; description: string; title: string };
};

const encoder = new TextEncoder();

/**
 * A picture in the pack. docx names each picture's media part by the SHA-1 of its bytes, worked
 * out in JavaScript for every use (0.4 s for a chart used 240 times in a long pack). A picture
 * Quorum keeps is already named by a hash of its content, so the run is keyed by that name and
 * given the picture's bytes after; docx writes those bytes when it packs the media part.
 */
export const pictureRun = (opts: PictureOptions): ImageRun => {
  const run = new ImageRun({ type: opts.type, data: encoder.encode(opts.key), transformation: opts.transformation, altText: opts.altText });
  (run as unknown as { imageData: { data: Uint8Array } }).imageData.data = opts.data;
  return run;
};
