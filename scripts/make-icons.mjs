// Draws Satchel's app icons (a white satchel on GOV.UK blue) as PNGs with no image library:
// signed-distance shapes, 4×4 supersampling, written with node:zlib. Run once; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1d, 0x70, 0xb8];
const WHITE = [0xff, 0xff, 0xff];

function crc32(bytes) {
  let c, crc = 0xffffffff;
  for (const b of bytes) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, rgbaAt) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(rgbaAt(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Signed distance to a rounded box centred at (cx, cy), half-size (hx, hy), corner radius r.
const roundedBox = (x, y, cx, cy, hx, hy, r) => {
  const qx = Math.abs(x - cx) - hx + r, qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

/** Coverage in unit coordinates (0..1): background tile, then the satchel glyph. */
function shade(u, v, { maskable }) {
  const tile = maskable ? -1 : roundedBox(u, v, 0.5, 0.5, 0.5, 0.5, 0.18);
  if (tile > 0) return null;
  const s = maskable ? 0.8 : 1; // maskable: keep the glyph inside the 80% safe zone
  const x = 0.5 + (u - 0.5) / s, y = 0.5 + (v - 0.5) / s;
  const body = roundedBox(x, y, 0.5, 0.6, 0.3, 0.2, 0.06);
  const handle = Math.abs(Math.hypot(x - 0.5, (y - 0.38) * 1.3) - 0.13) - 0.035;
  const handleOnTop = y < 0.42 ? handle : 1;
  const flap = roundedBox(x, y, 0.5, 0.5, 0.3, 0.1, 0.05);
  const clasp = roundedBox(x, y, 0.5, 0.6, 0.05, 0.045, 0.015);
  if (clasp < 0) return WHITE;
  if (flap < 0 && flap > -0.022) return WHITE; // flap outline
  if (flap < 0) return BLUE;
  if (body < 0 || handleOnTop < 0) return WHITE;
  return BLUE;
}

function icon(size, options) {
  const SS = 4;
  return png(size, (px, py) => {
    let r = 0, g = 0, b = 0, a = 0;
    for (let i = 0; i < SS; i++) for (let j = 0; j < SS; j++) {
      const c = shade((px + (i + 0.5) / SS) / size, (py + (j + 0.5) / SS) / size, options);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a += 255; }
    }
    const n = SS * SS, cover = a / 255;
    return cover ? [r / cover, g / cover, b / cover, a / n].map(Math.round) : [0, 0, 0, 0];
  });
}

writeFileSync('public/icons/icon-192.png', icon(192, { maskable: false }));
writeFileSync('public/icons/icon-512.png', icon(512, { maskable: false }));
writeFileSync('public/icons/icon-maskable-512.png', icon(512, { maskable: true }));
writeFileSync('public/icons/apple-touch-icon-180.png', icon(180, { maskable: true }));
console.log('icons written to public/icons/');
