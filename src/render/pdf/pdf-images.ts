// Images as PDF XObjects. A JPEG goes in as it is (DCTDecode); a PNG is decoded (pngjs, loaded
// only when a letter has one) to RGB samples, with its alpha, if any, as a soft mask.

import type { PdfFile, Ref } from './pdf-objects.js';

export async function imageXObject(file: PdfFile, image: { bytes: Uint8Array; type: 'png' | 'jpg' }): Promise<Ref> {
  return image.type === 'jpg' ? jpeg(file, image.bytes) : png(file, image.bytes);
}

function jpeg(file: PdfFile, bytes: Uint8Array): Ref {
  const frame = jpegFrame(bytes);
  const space = frame.components === 1 ? 'DeviceGray' : frame.components === 4 ? 'DeviceCMYK' : 'DeviceRGB';
  return file.stream(
    {
      Type: 'XObject',
      Subtype: 'Image',
      Width: frame.width,
      Height: frame.height,
      ColorSpace: space,
      BitsPerComponent: 8,
      Filter: 'DCTDecode',
      // Adobe's CMYK JPEGs store inverted samples.
      ...(frame.components === 4 ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
    },
    bytes,
  );
}

/** Size and components from the first start-of-frame marker. */
function jpegFrame(bytes: Uint8Array): { width: number; height: number; components: number } {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error('JPEG: marker expected');
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]!, components: bytes[at + 9]! };
    }
    at += 2 + length;
  }
  throw new Error('JPEG: no frame header');
}

async function png(file: PdfFile, bytes: Uint8Array): Promise<Ref> {
  const { PNG } = await import('pngjs');
  const image = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const { width, height, data } = image;
  const rgb = Buffer.alloc(width * height * 3);
  const alpha = Buffer.alloc(width * height);
  let opaque = true;
  for (let i = 0, n = width * height; i < n; i++) {
    rgb[i * 3] = data[i * 4]!;
    rgb[i * 3 + 1] = data[i * 4 + 1]!;
    rgb[i * 3 + 2] = data[i * 4 + 2]!;
    alpha[i] = data[i * 4 + 3]!;
    if (alpha[i] !== 255) opaque = false;
  }
  const base = { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8 };
  const mask = opaque ? undefined : file.stream({ ...base, ColorSpace: 'DeviceGray' }, alpha);
  return file.stream({ ...base, ColorSpace: 'DeviceRGB', ...(mask ? { SMask: mask } : {}) }, rgb);
}
