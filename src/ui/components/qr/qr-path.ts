/**
 * A QR code's dark modules as one SVG path, a row-run per `h` segment (compact, crisp at any
 * size), with the ISO/IEC 18004 quiet zone (four modules of white) around the symbol. Shared by
 * the on-screen codes (QrCode.tsx) and the printed card's (src/ui/card/CardQr.tsx).
 */

/** ISO/IEC 18004 §6.3.8: four modules of quiet zone around the symbol. */
export const QUIET_ZONE_MODULES = 4;

/** What qrcode-generator's made code offers that the path needs. */
interface ModuleGrid {
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
}

/** `size`: the side in modules with the quiet zone; `modules`: without it; `d`: the path. */
export function modulesPath(qr: ModuleGrid): { size: number; modules: number; d: string } {
  const count = qr.getModuleCount();
  let d = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; ) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.isDark(row, col)) col++;
      d += `M${start + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES}h${col - start}v1h-${col - start}z`;
    }
  }
  return { size: count + 2 * QUIET_ZONE_MODULES, modules: count, d };
}
