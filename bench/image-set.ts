// Images we make for the re-use bench and the image tests: shapes, gradients, smooth noise and
// text-like lines, drawn from a seed (no third-party pictures), and the transformations a
// re-publisher applies (re-compression, resizing, small crops, borders, brightness).
import sharp from 'sharp';
import { seededRandom } from './seeded-random.js';

/** The four families of generated pictures. */
export const IMAGE_KINDS = ['shapes', 'gradient', 'noise', 'text'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

export { seededRandom };

/**
 * One generated picture as PNG bytes.
 *
 * @example await generateImage('shapes', 7) // PNG, 320×240
 */
export async function generateImage(
  kind: ImageKind,
  seed: number,
  width = 320,
  height = 240,
): Promise<Buffer> {
  const rgb = drawPixels(kind, seededRandom(seed * 7919 + IMAGE_KINDS.indexOf(kind)), width, height);
  return sharp(rgb, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

function drawPixels(kind: ImageKind, random: () => number, width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 3);
  const colour = (): [number, number, number] => [random() * 255, random() * 255, random() * 255];
  const set = (x: number, y: number, c: readonly number[]) => {
    const i = (y * width + x) * 3;
    px[i] = c[0] as number;
    px[i + 1] = c[1] as number;
    px[i + 2] = c[2] as number;
  };
  if (kind === 'gradient' || kind === 'shapes') {
    const a = colour();
    const b = colour();
    const angle = random() * Math.PI * 2;
    const radial = random() < 0.5;
    const cx = random() * width;
    const cy = random() * height;
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1) {
        const t = radial
          ? Math.min(1, Math.hypot(x - cx, y - cy) / Math.hypot(width, height))
          : 0.5 +
            (((x - width / 2) * Math.cos(angle) + (y - height / 2) * Math.sin(angle)) / (width + height)) *
              1.4;
        const u = Math.max(0, Math.min(1, t));
        set(x, y, [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u]);
      }
    const shapes = kind === 'shapes' ? 4 + Math.floor(random() * 8) : 2 + Math.floor(random() * 3);
    for (let s = 0; s < shapes; s += 1) {
      const c = colour();
      const x0 = random() * width;
      const y0 = random() * height;
      const rx = (0.05 + random() * 0.3) * width;
      const ry = (0.05 + random() * 0.3) * height;
      const ellipse = random() < 0.5;
      for (let y = Math.max(0, Math.floor(y0 - ry)); y < Math.min(height, y0 + ry); y += 1)
        for (let x = Math.max(0, Math.floor(x0 - rx)); x < Math.min(width, x0 + rx); x += 1)
          if (!ellipse || ((x - x0) / rx) ** 2 + ((y - y0) / ry) ** 2 <= 1) set(x, y, c);
    }
  } else if (kind === 'noise') {
    // Value noise at three scales: clouds, terrain, rubble — never white noise, which no hash survives.
    const grids = [6, 14, 30].map((cells) => ({
      cells,
      values: Array.from({ length: (cells + 1) * (cells + 1) * 3 }, () => random()),
    }));
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1) {
        const c = [0, 0, 0];
        grids.forEach(({ cells, values }, level) => {
          const gx = (x / width) * cells;
          const gy = (y / height) * cells;
          const ix = Math.floor(gx);
          const iy = Math.floor(gy);
          const fx = gx - ix;
          const fy = gy - iy;
          const weight = 0.6 / (level + 1);
          for (let ch = 0; ch < 3; ch += 1) {
            const v = (i: number, j: number) =>
              values[((j * (cells + 1) + i) * 3 + ch) % values.length] as number;
            const top = v(ix, iy) * (1 - fx) + v(ix + 1, iy) * fx;
            const bottom = v(ix, iy + 1) * (1 - fx) + v(ix + 1, iy + 1) * fx;
            c[ch] = (c[ch] as number) + (top * (1 - fy) + bottom * fy) * weight * 255;
          }
        });
        set(
          x,
          y,
          c.map((v) => Math.min(255, v)),
        );
      }
  } else {
    const paper = 225 + random() * 30;
    const ink = random() * 60;
    px.fill(paper);
    const lineHeight = 10 + Math.floor(random() * 10);
    const margin = Math.floor(width * (0.05 + random() * 0.1));
    for (let top = margin; top + lineHeight < height - margin; top += lineHeight * 2) {
      let x = margin + (random() < 0.2 ? 20 : 0);
      const end = width - margin - (random() < 0.3 ? random() * width * 0.5 : 0);
      while (x < end) {
        const word = 8 + Math.floor(random() * 40);
        for (let y = top; y < top + lineHeight; y += 1)
          for (let xx = x; xx < Math.min(end, x + word); xx += 1) set(xx, y, [ink, ink, ink]);
        x += word + 6 + Math.floor(random() * 6);
      }
    }
  }
  return px;
}

/** A named transformation a re-publisher might apply. */
export interface ImageTransform {
  readonly name: string;
  readonly apply: (png: Buffer) => Promise<Buffer>;
}

/**
 * Re-compression at several JPEG qualities, resizing, crops of at most 10 %, borders and a
 * slight brightness change: the edits an image survives on its way between sites.
 *
 * @example for (const t of IMAGE_TRANSFORMS) await t.apply(png)
 */
export const IMAGE_TRANSFORMS: readonly ImageTransform[] = [
  ...[90, 70, 50, 30].map((quality) => ({
    name: `jpeg q${quality}`,
    apply: (png: Buffer) => sharp(png).jpeg({ quality }).toBuffer(),
  })),
  ...[0.5, 0.75, 1.6].map((scale) => ({
    name: `resize ×${scale}`,
    apply: async (png: Buffer) => {
      const { width = 1 } = await sharp(png).metadata();
      return sharp(png)
        .resize(Math.round(width * scale))
        .jpeg({ quality: 85 })
        .toBuffer();
    },
  })),
  { name: 'crop 5 % each side', apply: (png: Buffer) => cropShare(png, 0.05, 0.05, 0.05, 0.05) },
  { name: 'crop 10 % right', apply: (png: Buffer) => cropShare(png, 0, 0.1, 0, 0) },
  { name: 'crop 10 % bottom', apply: (png: Buffer) => cropShare(png, 0, 0, 0.1, 0) },
  {
    name: 'white border 5 %',
    apply: async (png: Buffer) => {
      const { width = 1 } = await sharp(png).metadata();
      const b = Math.round(width * 0.05);
      return sharp(png)
        .extend({ top: b, bottom: b, left: b, right: b, background: '#ffffff' })
        .jpeg({ quality: 85 })
        .toBuffer();
    },
  },
  {
    name: 'black bars 8 %',
    apply: async (png: Buffer) => {
      const { height = 1 } = await sharp(png).metadata();
      const b = Math.round(height * 0.08);
      return sharp(png).extend({ top: b, bottom: b, background: '#000000' }).jpeg({ quality: 85 }).toBuffer();
    },
  },
  {
    name: 'brightness +10 %',
    apply: (png: Buffer) => sharp(png).modulate({ brightness: 1.1 }).jpeg({ quality: 85 }).toBuffer(),
  },
  {
    name: 'brightness −10 %',
    apply: (png: Buffer) => sharp(png).modulate({ brightness: 0.9 }).jpeg({ quality: 85 }).toBuffer(),
  },
];

/**
 * The picture with the given shares of each side cut off (top, right, bottom, left), re-saved
 * as JPEG at `quality`.
 *
 * @example await cropShare(png, 0, 0.1, 0, 0) // 10 % cut from the right
 */
export async function cropShare(
  png: Buffer,
  top: number,
  right: number,
  bottom: number,
  left: number,
  quality = 85,
): Promise<Buffer> {
  const { width = 1, height = 1 } = await sharp(png).metadata();
  const l = Math.round(width * left);
  const t = Math.round(height * top);
  return sharp(png)
    .extract({
      left: l,
      top: t,
      width: width - l - Math.round(width * right),
      height: height - t - Math.round(height * bottom),
    })
    .jpeg({ quality })
    .toBuffer();
}
