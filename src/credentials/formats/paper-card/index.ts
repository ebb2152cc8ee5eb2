/**
 * The paper card format (issue 17; docs/credentials.md "Paper cards"): a credential's in-person
 * claims as a CWT (RFC 8392) in a COSE_Sign1 (RFC 9052 §4.2) signed ES256 by the issuer's JWKS key,
 * printed as a QR code (`SC1:` + Base45(ZLIB(...)), src/protocols/paper/card-code.ts). Stored and
 * delivered (OpenID4VCI format `satchel_card`) as base64url of the COSE_Sign1 bytes.
 *
 * API: paperCardFormat (id 'paper-card', CredentialFormatModule), preparePaperCard (prepare.ts, the
 * issuer's side). verifyCredential(raw) reports: format 'paper-card', type = the card's vct, claims =
 * its "claims" map (name → text / number / boolean), issuer = its iss; no key-binding check (a card
 * is not bound to a phone: the checker compares name and photo), status from CWT claim 65535.
 *
 * Not shared online and never asked for by DCQL: it has no holder proof, so `present` refuses and
 * it is not among dcql-naming.ts's namings.
 */
import { DataError } from '../../../lib/errors';
import type { CredentialFormatModule } from '../format';
import { PAPER_CARD_FORMAT, PAPER_CARD_VCI_FORMAT } from './cwt';
import { looksLikePaperCard, paperCardParts, parsePaperCard, readPaperCard } from './parse';

export { preparePaperCard, DEFAULT_CARD_LIFETIME_S, type PaperCardInput, type PreparedPaperCard } from './prepare';
export { PAPER_CARD_FORMAT, PAPER_CARD_VCI_FORMAT, type CardClaimValue } from './cwt';
export { paperCardParts, type PaperCardParts } from './parse';

export const paperCardFormat: CredentialFormatModule = {
  id: PAPER_CARD_FORMAT,
  dcqlFormat: PAPER_CARD_VCI_FORMAT,
  dcqlMeta() {
    throw new TypeError('A paper card is never asked for online (it has no holder proof)');
  },
  readMeta(_meta, where) {
    throw new DataError(`${where} asks for a paper card, which is never shared online`);
  },
  describe: 'A paper card (a CWT signed with COSE, printed as a QR code; not linked to a phone).',
  selective: false,
  requestOnly: false,
  technicalClaims: new Set<string>(),
  detect: looksLikePaperCard,
  parse: parsePaperCard,
  read: readPaperCard,
  // The "claims" map is already what the card says about the person, flat.
  subjectClaims: (claims) => ({ ...claims }),
  subjectPath: (name) => [name],
  labelPath: (path) => [...path],
  // No holder binding (no cnf): a card proves what the issuer said, not who holds it.
  holderJwk: () => undefined,
  peekStatusUri(raw) {
    try {
      const status = paperCardParts(raw).status as { status_list?: { uri?: unknown } } | undefined;
      return typeof status?.status_list?.uri === 'string' ? status.status_list.uri : undefined;
    } catch {
      return undefined;
    }
  },
  peekHolderProof: () => undefined,
  present() {
    return Promise.reject(new DataError('A paper card is printed and shown in person; it cannot be shared online.'));
  },
};
