/**
 * The admin page's printable paper card (issue 17): one A4 page with the person's name, photo,
 * what the credential says, the issuer, issued and expiry dates and the signed QR code, and on the
 * same page a credit-card layout (ISO/IEC 7810 ID-1, 85.6 × 54 mm) to cut out. Black on white with
 * no meaning carried by colour; a `@media print` stylesheet hides everything but the card.
 *
 * Both languages on the card, not a switch: a card is printed once and may be shown anywhere in
 * Wales or England, so every label is English then Welsh (as bilingual public documents are).
 *
 * The QR (error correction Q, so a creased or partly covered card still scans) is drawn as an SVG
 * whose width is given in millimetres, so the symbol itself is at least 35 mm wide on paper. The
 * code's text is also on the figure (`data-card-code`), for tests. Every value is escaped by
 * Hono's `html` template; the page needs no script (the admin CSP allows none).
 */
import { html, raw } from 'hono/html';
import qrcode from 'qrcode-generator';
import type { Localised } from './departments';

/** The narrowest the QR symbol (without its quiet zone) may print, in millimetres. */
export const MIN_QR_MM = 35;
/** ISO/IEC 18004 §6.3.8: four modules of quiet zone around the symbol. */
const QUIET_ZONE = 4;

export interface PrintableCard {
  issuerName: Localised;
  credentialName: Localised;
  /** The person's name as the card says it. */
  name: string;
  /** Each claim (its name in the card) with its label in both languages, values as the card signs them. */
  claims: { name: string; label: Localised; value: string | number | boolean }[];
  issuedAt: Date;
  expiresAt: Date;
  /** The printed code's text (SC1:…). */
  code: string;
  /** A JPEG portrait, printed only (the signed data carries no photo). */
  portraitJpeg?: Uint8Array;
}

const INSTRUCTION: Localised = {
  en: 'This card is not linked to a phone: check the name and photo against the person.',
  cy: "Nid yw'r cerdyn hwn wedi'i gysylltu â ffôn: gwiriwch yr enw a'r llun yn erbyn yr unigolyn.",
};
const LABELS = {
  issuedBy: { en: 'Issued by', cy: 'Cyhoeddwyd gan' },
  issued: { en: 'Issued', cy: 'Cyhoeddwyd' },
  expires: { en: 'Expires', cy: 'Yn dod i ben' },
  photo: { en: 'Photo of', cy: 'Llun o' },
  qr: { en: 'Signed QR code: scan with Satchel (Check a paper card)', cy: 'Cod QR wedi’i lofnodi: sganiwch gyda Satchel (Gwirio cerdyn papur)' },
  cut: { en: 'Cut along the line', cy: 'Torrwch ar hyd y llinell' },
} satisfies Record<string, Localised>;

/** Day/month/year, as UK documents print dates; the same in both languages. */
function ukDate(value: Date | string): string {
  const iso = typeof value === 'string' ? value : value.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function valueText(value: string | number | boolean): ReturnType<typeof html> | string {
  if (typeof value === 'boolean') return value ? html`Yes / <span lang="cy">Ydy</span>` : html`No / <span lang="cy">Nac ydy</span>`;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return ukDate(value);
  return String(value);
}

const both = (l: Localised) => html`${l.en} / <span lang="cy">${l.cy}</span>`;

/**
 * The QR as an SVG drawn from qrcode-generator's modules, sized in mm so the symbol is at least
 * `symbolMm` wide; every input is our own (numbers), nothing from the code's text reaches markup.
 */
export function qrSvgMm(text: string, symbolMm: number): { svg: string; modules: number; widthMm: number } {
  const qr = qrcode(0, 'Q');
  qr.addData(text, 'Alphanumeric');
  qr.make();
  const modules = qr.getModuleCount();
  const total = modules + 2 * QUIET_ZONE;
  const widthMm = Math.ceil((symbolMm * total) / modules);
  let path = '';
  for (let r = 0; r < modules; r++) for (let c = 0; c < modules; c++) if (qr.isDark(r, c)) path += `M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${widthMm}mm" height="${widthMm}mm" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges" aria-hidden="true"><rect width="${total}" height="${total}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return { svg, modules, widthMm };
}

function portrait(card: PrintableCard, className: string) {
  if (!card.portraitJpeg) return '';
  return html`<img class="${className}" src="data:image/jpeg;base64,${Buffer.from(card.portraitJpeg).toString('base64')}" alt="${`${LABELS.photo.en} ${card.name}`}">`;
}

function claimList(card: PrintableCard, className: string) {
  return html`<dl class="${className}">
${card.claims.map((c) => html`<div><dt>${both(c.label)}</dt><dd>${valueText(c.value)}</dd></div>`)}
<div><dt>${both(LABELS.issued)}</dt><dd>${ukDate(card.issuedAt)}</dd></div>
<div><dt>${both(LABELS.expires)}</dt><dd>${ukDate(card.expiresAt)}</dd></div>
</dl>`;
}

export const PRINT_CARD_CSS = `*{box-sizing:border-box}
body{font-family:Arial,Helvetica,sans-serif;color:#000;background:#fff;margin:0;padding:1rem;line-height:1.3}
.no-print{max-width:210mm;margin:0 auto 1rem}
.sheet{max-width:210mm;margin:0 auto;border:1px solid #000;padding:10mm}
.sheet h1{font-size:1.6rem;margin:0 0 .2rem}
.sheet .issuer{font-size:1.1rem;margin:0 0 1rem}
.a4-body{display:flex;flex-wrap:wrap;gap:6mm;align-items:flex-start}
.a4-photo{width:30mm;height:40mm;object-fit:cover;border:1px solid #000}
.a4-claims{flex:1 1 60mm;margin:0}
.a4-claims div{display:flex;flex-wrap:wrap;gap:0 .5rem;border-bottom:1px solid #000;padding:.2rem 0}
.a4-claims dt{font-weight:bold;flex:0 0 45%}.a4-claims dd{margin:0;flex:1 1 40%}
.a4-qr{margin:6mm 0 0}.a4-qr figcaption{font-size:.9rem}
.instruction{border:2px solid #000;padding:3mm;font-weight:bold;margin:6mm 0}
.instruction span{display:block;font-weight:normal;margin-top:1mm}
.cut{margin-top:6mm}.cut>p{font-size:.8rem;margin:0 0 1mm}
.card{width:85.6mm;height:54mm;border:.4mm dashed #000;padding:2mm;display:flex;gap:1.5mm;overflow:hidden;font-size:5.5pt;line-height:1.15}
.card-text{flex:1 1 auto;min-width:0;display:flex;flex-direction:column;gap:.5mm}
.card-head{display:flex;gap:1.5mm;align-items:flex-start}
.card-photo{width:11mm;height:14.5mm;object-fit:cover;border:.2mm solid #000;flex:0 0 auto}
.card h2{font-size:7pt;margin:0}.card p{margin:0}.card .card-type{font-weight:bold}
.card-claims{margin:0}.card-claims dt{display:inline;font-weight:bold}.card-claims dt::after{content:": "}.card-claims dd{display:inline;margin:0}
.card-claims dt span{font-weight:normal}
.card .card-instruction{margin-top:auto;font-weight:bold;border-top:.2mm solid #000;padding-top:.5mm}
.card .card-instruction span{display:block;font-weight:normal}
.card-qr{flex:0 0 auto;margin:0;align-self:center}.card-qr svg,.a4-qr svg{display:block}
@media screen and (max-width:40rem){body{padding:.5rem}.sheet{padding:4mm}.sheet h1{font-size:1.3rem}}
@media print{@page{size:A4;margin:10mm}body{padding:0}.no-print{display:none}.sheet{border:0;padding:0;max-width:none}
.sheet,.card{break-inside:avoid}}`;

/** The printable page: the A4 sheet with the card to cut out at its foot. */
export function printCardPage(card: PrintableCard) {
  const a4Qr = qrSvgMm(card.code, 45);
  const cardQr = qrSvgMm(card.code, MIN_QR_MM);
  const title = `${card.credentialName.en} (paper card) for ${card.name}`;
  return html`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Satchel reference issuers</title><link rel="stylesheet" href="/print-card.css"></head>
<body>
<div class="no-print"><p>Print this page with your browser's Print command (Ctrl+P or ⌘P), on A4 in black and white. The card at the foot of the page can be cut out and carried. It has its own entry in the issued list on the admin page, where it can be revoked.</p><p><a href="/">Back to the admin page</a></p></div>
<main class="sheet" id="paper-card">
<h1>${card.credentialName.en} / <span lang="cy">${card.credentialName.cy}</span></h1>
<p class="issuer">${both(LABELS.issuedBy)}: ${card.issuerName.en} / <span lang="cy">${card.issuerName.cy}</span></p>
<div class="a4-body">${portrait(card, 'a4-photo')}${claimList(card, 'a4-claims')}</div>
<figure class="a4-qr" data-card-code="${card.code}" data-qr-symbol-mm="${Math.floor((a4Qr.widthMm * a4Qr.modules) / (a4Qr.modules + 2 * QUIET_ZONE))}">${raw(a4Qr.svg)}<figcaption>${both(LABELS.qr)}</figcaption></figure>
<p class="instruction">${INSTRUCTION.en}<span lang="cy">${INSTRUCTION.cy}</span></p>
<div class="cut"><p>${both(LABELS.cut)}</p>
<section class="card" aria-label="${`${card.credentialName.en} card to cut out`}">
<div class="card-text">
<div class="card-head">${portrait(card, 'card-photo')}<div><h2>${card.name}</h2><p class="card-type">${card.credentialName.en} / <span lang="cy">${card.credentialName.cy}</span></p></div></div>
<p class="card-issuer">${card.issuerName.en} / <span lang="cy">${card.issuerName.cy}</span></p>
${claimList({ ...card, claims: card.claims.filter((c) => !NAME_CLAIMS.has(c.name)) }, 'card-claims')}
<p class="card-instruction">${INSTRUCTION.en}<span lang="cy">${INSTRUCTION.cy}</span></p>
</div>
<figure class="card-qr" data-card-code="${card.code}" data-qr-symbol-mm="${Math.floor((cardQr.widthMm * cardQr.modules) / (cardQr.modules + 2 * QUIET_ZONE))}">${raw(cardQr.svg)}</figure>
</section></div>
</main>
</body></html>`;
}

/** The name is the small card's heading already: its rows are left out of its list. */
const NAME_CLAIMS = new Set(['given_name', 'family_name']);
