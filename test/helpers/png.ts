// Small PNGs made in the test, so tests need no binary fixtures for them.

import { PNG } from 'pngjs';

/** A `width`×`height` PNG of one colour; `alpha` below 255 makes the right half translucent. */
export function solidPng(width: number, height: number, rgb: [number, number, number], alpha = 255): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data.set([...rgb, x < width / 2 ? 255 : alpha], i);
    }
  }
  return PNG.sync.write(png);
}
