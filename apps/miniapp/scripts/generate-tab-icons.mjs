#!/usr/bin/env node
// Draws the tab bar icons (81×81 PNG, WeChat's recommended size) from simple shapes, so they need
// no design tool and stay a few hundred bytes each. H5 shows an empty image without icons.
// Colours: the tab bar's own (app.config.ts), #646a73 unselected (5.4:1 on the white bar) and #0e5fd8
// selected (5.8:1), the AA text colours of the labels; the text label below says what the tab is.
// Usage: node scripts/generate-tab-icons.mjs   (writes src/assets/tab-bar/*.png)
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tab-bar');
const COLORS = { normal: [0x64, 0x6a, 0x73], active: [0x0e, 0x5f, 0xd8] };

/** Shapes as "is this pixel inked?" over coordinates centred at 0, in units of the icon size. */
const ICONS = {
  // 保险超市: a shield.
  catalogue: (x, y) => {
    const halfWidth = y < 0.05 ? 0.32 : 0.32 * Math.max(0, 1 - (y - 0.05) / 0.33);
    const inside = y > -0.36 && y < 0.38 && Math.abs(x) < halfWidth;
    const innerHalf = y < 0.05 ? 0.22 : 0.22 * Math.max(0, 1 - (y - 0.05) / 0.23);
    const hole = y > -0.26 && y < 0.28 && Math.abs(x) < innerHalf;
    return inside && !hole;
  },
  // 我家: a house (roof and walls drawn as lines) with a heart inside.
  family: (x, y) => {
    const stroke = 0.075;
    // Roof: the two slopes from the apex (0, -0.36) down to (±0.4, 0.02).
    const slope = 0.38 / 0.4;
    const roofDistance = Math.abs(y + 0.36 - slope * Math.abs(x)) / Math.hypot(1, slope);
    const roof = roofDistance < stroke / 2 && y > -0.4 && y < 0.04 && Math.abs(x) < 0.42;
    // Walls and floor: a U from under the roof down to the base.
    const inWalls = Math.abs(x) < 0.28 && y > -0.08 && y < 0.36;
    const inside = Math.abs(x) < 0.28 - stroke && y < 0.36 - stroke;
    const walls = inWalls && !inside;
    // Heart: (u² + v² − 1)³ − u² v³ ≤ 0, scaled and centred in the house.
    const u = x / 0.115;
    const v = -(y - 0.13) / 0.115 + 0.2;
    const heart = (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0;
    return roof || walls || heart;
  },
  // 我的: a head and shoulders.
  mine: (x, y) => {
    const head = Math.hypot(x, y + 0.16) < 0.17 && Math.hypot(x, y + 0.16) > 0.09;
    const shoulders =
      y > 0.12 && y < 0.36 && Math.hypot(x / 1.4, y - 0.36) < 0.24 && Math.hypot(x / 1.4, y - 0.36) > 0.16;
    const base = y > 0.3 && y < 0.36 && Math.abs(x) < 0.34;
    return head || shoulders || base;
  },
};

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(inked, [r, g, b]) {
  const rows = [];
  for (let py = 0; py < SIZE; py += 1) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let px = 0; px < SIZE; px += 1) {
      // 4×4 supersampling for smooth edges.
      let covered = 0;
      for (let sy = 0; sy < 4; sy += 1)
        for (let sx = 0; sx < 4; sx += 1)
          if (inked((px + (sx + 0.5) / 4) / SIZE - 0.5, (py + (sy + 0.5) / 4) / SIZE - 0.5)) covered += 1;
      row.set([r, g, b, Math.round((covered / 16) * 255)], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

await mkdir(outDir, { recursive: true });
for (const [name, inked] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(outDir, state === 'active' ? `${name}-active.png` : `${name}.png`);
    await writeFile(file, png(inked, color));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
