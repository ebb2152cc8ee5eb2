import qrcode from 'qrcode-generator';
import { useMemo } from 'preact/hooks';
import { modulesPath } from '../components/qr/qr-path';

/** The narrowest the symbol (without its quiet zone) prints, in millimetres (common decisions: at least 35 mm). */
export const MIN_CARD_QR_MM = 35;

/**
 * A paper card's QR code: its `SC1:` text in alphanumeric mode (the whole of Base45's alphabet is
 * QR alphanumeric, RFC 9285 §1) at error correction level Q (ISO/IEC 18004 §7.5.1: about 25% can be
 * restored, so a creased or partly covered card still scans), drawn as an SVG whose size is in
 * millimetres so the symbol prints at least `symbolMm` wide whatever the screen. The text is kept
 * on the figure (`data-card-code`) for tests, as the counter's printable page does.
 */
export function CardQr({ code, symbolMm, label }: { code: string; symbolMm: number; label: string }) {
  const { size, modules, d } = useMemo(() => {
    const qr = qrcode(0, 'Q');
    qr.addData(code, 'Alphanumeric');
    qr.make();
    return modulesPath(qr);
  }, [code]);
  const widthMm = Math.ceil((Math.max(symbolMm, MIN_CARD_QR_MM) * size) / modules);
  return (
    <svg class="satchel-card-qr" width={`${widthMm}mm`} height={`${widthMm}mm`} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} data-card-code={code} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
