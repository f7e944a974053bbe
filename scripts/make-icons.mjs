#!/usr/bin/env node
// Draws Groundwork's toolbar and notification icons (public/icon/<size>.png): a green disc with
// a white rising chevron — ground, and growth. Pure Node (zlib), so no image tool is needed;
// run it again after changing the drawing: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GREEN = [11, 110, 79];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Distance from point p to segment ab. */
function segment(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function pixel(x, y) {
  // Unit coordinates, 0..1, sampled at the pixel centre.
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r > 0.48) return [0, 0, 0, 0];
  const edge = Math.min(1, (0.48 - r) * 40);
  // A chevron: ground line rising to a peak.
  const d = Math.min(segment(x, y, 0.22, 0.66, 0.45, 0.42), segment(x, y, 0.45, 0.42, 0.58, 0.55), segment(x, y, 0.58, 0.55, 0.8, 0.3));
  const stroke = d < 0.06 ? 1 : d < 0.075 ? (0.075 - d) / 0.015 : 0;
  const mix = (a, b) => Math.round(a * (1 - stroke) + b * stroke);
  return [mix(GREEN[0], WHITE[0]), mix(GREEN[1], WHITE[1]), mix(GREEN[2], WHITE[2]), Math.round(255 * edge)];
}

function png(size) {
  const samples = 4; // supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const p = pixel((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          for (let i = 0; i < 4; i++) acc[i] += p[i];
        }
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      for (let i = 0; i < 4; i++) raw[offset + i] = Math.round(acc[i] / samples ** 2);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('Wrote public/icon/{16,32,48,96,128}.png');
