import type { ComponentChildren } from 'preact';
import type { CredentialView } from '../../wallet/held';
import { nameText } from '../i18n/names';
import { Portrait } from '../receive/Portrait';
import { CardQr, MIN_CARD_QR_MM } from './CardQr';
import { CARD_LABELS } from './card-words';

/**
 * The printed paper card (issue 17), the same layout as the issuers' counter prints
 * (src/server/reference/print-card-page.ts): one A4 sheet with the person's name, photo, what the
 * card says, the issuer, its dates, the signed QR code and the instruction to compare name and
 * photo; and at its foot the same as a credit card (ISO/IEC 7810 ID-1, 85.6 × 54 mm) to cut out.
 * Every label in English and Welsh together; black on white, no meaning carried by colour. Values
 * are rendered as text; the photo only as an image from a data URL or bytes whose magic says
 * JPEG or PNG (Portrait.tsx).
 */

type BothLanguages = { en: string; cy: string };
type Claim = CredentialView['claims'][number];

/** The names on the card's first line, not repeated among its claims on the small card. */
const NAME_CLAIMS = new Set(['given_name', 'family_name']);
/** The data URLs the credential screen shows as a photo (ClaimValue.tsx): an <img> never runs an SVG's script. */
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/;

const Both = ({ text }: { text: BothLanguages }) => (
  <>
    {text.en} / <span lang="cy">{text.cy}</span>
  </>
);

/** Day/month/year, as UK documents print dates; the same in both languages. */
function ukDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

function ClaimText({ value }: { value: unknown }): ComponentChildren {
  if (typeof value === 'boolean') return <Both text={value ? CARD_LABELS.yes : CARD_LABELS.no} />;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return ukDate(value);
  return String(value);
}

const claimKey = (c: Claim) => c.path.join('.');
const labelOf = (c: Claim): BothLanguages => ({ en: nameText(c.label, 'en'), cy: nameText(c.label, 'cy') });

function ClaimList({ claims, card, class: className }: { claims: Claim[]; card: CredentialView; class: string }) {
  return (
    <dl class={className}>
      {claims.map((c) => (
        <div key={claimKey(c)}>
          <dt><Both text={labelOf(c)} /></dt>
          <dd><ClaimText value={c.value} /></dd>
        </div>
      ))}
      {card.validFrom && (
        <div>
          <dt><Both text={CARD_LABELS.issued} /></dt>
          <dd>{ukDate(card.validFrom)}</dd>
        </div>
      )}
      {card.validUntil && (
        <div>
          <dt><Both text={CARD_LABELS.expires} /></dt>
          <dd>{ukDate(card.validUntil)}</dd>
        </div>
      )}
    </dl>
  );
}

/** The photo is the credential's (a card cannot sign one that a scan could check): printed only. */
function Photo({ credential, name, class: className }: { credential: CredentialView; name: string; class: string }) {
  const value = credential.claims.find((c) => c.path[c.path.length - 1] === 'portrait')?.value;
  const alt = `${CARD_LABELS.photo.en} ${name}`;
  if (typeof value === 'string' && IMAGE_DATA_URL.test(value)) return <img class={className} src={value} alt={alt} />;
  if (value instanceof Uint8Array) return <span class={className}><Portrait bytes={value} alt={alt} /></span>;
  return null;
}

export function PrintableCard({ credential, card, code }: { credential: CredentialView; card: CredentialView; code: string }) {
  const name = card.holderName ?? credential.holderName ?? '';
  const typeName: BothLanguages = { en: nameText(credential.typeName, 'en'), cy: nameText(credential.typeName, 'cy') };
  const issuer: BothLanguages = { en: card.issuerName.en, cy: card.issuerName.cy ?? card.issuerName.en };
  const qrLabel = `${CARD_LABELS.qr.en} / ${CARD_LABELS.qr.cy}`;
  return (
    <div class="satchel-print-sheet" id="satchel-print-card" data-testid="printable-card">
      <h2 class="satchel-print-sheet__title">
        {typeName.en} / <span lang="cy">{typeName.cy}</span>
      </h2>
      <p class="satchel-print-sheet__issuer">
        <Both text={CARD_LABELS.issuedBy} />: {issuer.en} / <span lang="cy">{issuer.cy}</span>
      </p>
      <p class="satchel-print-sheet__name">{name}</p>
      <div class="satchel-print-sheet__body">
        <Photo credential={credential} name={name} class="satchel-print-sheet__photo" />
        <ClaimList claims={card.claims} card={card} class="satchel-print-sheet__claims" />
      </div>
      <figure class="satchel-print-sheet__qr">
        <CardQr code={code} symbolMm={45} label={qrLabel} />
        <figcaption><Both text={CARD_LABELS.qr} /></figcaption>
      </figure>
      <p class="satchel-print-sheet__instruction">
        {CARD_LABELS.instruction.en}
        <span lang="cy">{CARD_LABELS.instruction.cy}</span>
      </p>
      <div class="satchel-print-cut">
        <p><Both text={CARD_LABELS.cut} /></p>
        <section class="satchel-id-card" aria-label={`${typeName.en} (${CARD_LABELS.paperCard.en})`} data-testid="id-card">
          <div class="satchel-id-card__text">
            <div class="satchel-id-card__head">
              <Photo credential={credential} name={name} class="satchel-id-card__photo" />
              <div>
                <p class="satchel-id-card__name">{name}</p>
                <p class="satchel-id-card__type">{typeName.en} / <span lang="cy">{typeName.cy}</span></p>
              </div>
            </div>
            <p>{issuer.en} / <span lang="cy">{issuer.cy}</span></p>
            <ClaimList claims={card.claims.filter((c) => !NAME_CLAIMS.has(claimKey(c)))} card={card} class="satchel-id-card__claims" />
            <p class="satchel-id-card__instruction">
              {CARD_LABELS.instruction.en}
              <span lang="cy">{CARD_LABELS.instruction.cy}</span>
            </p>
          </div>
          <div class="satchel-id-card__qr">
            <CardQr code={code} symbolMm={MIN_CARD_QR_MM} label={qrLabel} />
          </div>
        </section>
      </div>
    </div>
  );
}
