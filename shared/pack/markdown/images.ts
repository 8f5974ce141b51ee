/**
 * Images a paper may show: files in the data folder's `images/` only. Remote images are never
 * fetched (the app is offline, and a tracking pixel in a pack would leak who opened it).
 */
export type ImageFile = { data: Uint8Array; type: 'png' | 'jpg' | 'gif' | 'bmp'; width: number; height: number };
export type ImageLibrary = Readonly<Record<string, Uint8Array>>;

const IMAGE_PATH = /^images\/[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(png|jpe?g|gif|bmp)$/i;

/** `images/chart.png` (as Markdown and the data folder name it), or undefined for anything else. */
export const imagePath = (href: string): string | undefined => {
  let path = href.trim();
  try {
    path = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  path = path.replace(/^\.\//, '');
  return IMAGE_PATH.test(path) ? path : undefined;
};

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** Reads the type and pixel size from the file's own header (PNG IHDR, JPEG SOFn, GIF, BMP). */
export const imageInfo = (b: Uint8Array): Omit<ImageFile, 'data'> | undefined => {
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47)
    return { type: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return { type: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) return { type: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1];
      const length = u16be(b, i + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { type: 'jpg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
      i += 2 + length;
    }
  }
  return undefined;
};

/** Looks an image up in the library and checks it is a picture Word can show. */
export const loadImage = (library: ImageLibrary, href: string): ImageFile | undefined => {
  const path = imagePath(href);
  const data = path ? library[path] : undefined;
  if (!data) return undefined;
  const info = imageInfo(data);
  if (!info || info.width < 1 || info.height < 1) return undefined;
  return { data, ...info };
};

/** Fits a picture within the text width, keeping its shape; sizes in pixels at 96 dpi. */
export const fitImage = (width: number, height: number, maxWidth: number): { width: number; height: number } => {
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.max(1, Math.round((height * maxWidth) / width)) };
};
