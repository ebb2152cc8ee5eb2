/**
 * The reference register of approved verifiers: who is registered, under which identifier, and
 * what each may ask for. The trust-list operator publishes these entries (`verifier_register`,
 * docs/credentials.md); each verifier's request-signing certificate carries its identifier as the
 * subject's organizationIdentifier (2.5.4.97) and its name as O (verifier-register.ts).
 *
 * A register records what an organisation is allowed to ask, independently of what its site asks:
 * the job application site asks for no more than its registration; the corner shop is registered
 * only to check age, but its site asks for name and date of birth too (the wallet marks those).
 */
import type { IssuerName } from '../../credentials/index';
import { AUTHORITY_CLAIMS, AUTHORITY_TYPE } from '../../credentials/on-behalf';
import { MDL_DOCTYPE, MDL_NAMESPACE, TYPE_BASE } from './departments';

export interface RegisterEntry {
  id: string;
  name: Required<IssuerName>;
  registration: Required<IssuerName>;
  /** DCQL claim paths (OpenID4VP 1.0 §7) it may ask for from credentials of these types. */
  permitted: { types: string[]; claims: (string | number | null)[][] }[];
}

const RIGHT_TO_WORK = `${TYPE_BASE}/right-to-work`;
const DRIVING_LICENCE = `${TYPE_BASE}/driving-licence`;

/** The job application site (src/server/verifier, JOB_SITE). */
export const JOB_SITE_REGISTER_ID = 'GB-VR-0001';
/** The corner shop (CORNER_SHOP). */
export const CORNER_SHOP_REGISTER_ID = 'GB-VR-0002';
/** The community bank (BANK_SITE): identity, including of someone an attorney acts for. */
export const BANK_REGISTER_ID = 'GB-VR-0003';

/** Who someone is: name, date of birth and photo. */
const IDENTITY_CLAIMS = ['given_name', 'family_name', 'birth_date', 'portrait'];

export const REGISTERED_VERIFIERS: readonly RegisterEntry[] = [
  {
    id: JOB_SITE_REGISTER_ID,
    name: { en: 'Example Jobs Ltd', cy: 'Swyddi Enghreifftiol Cyf' },
    registration: { en: 'Registered to check the right to work and identity', cy: "Wedi'i gofrestru i wirio'r hawl i weithio a hunaniaeth" },
    permitted: [
      { types: [RIGHT_TO_WORK], claims: [['given_name'], ['family_name'], ['right_to_work'], ['work_restrictions']] },
      { types: [DRIVING_LICENCE], claims: [['age_over_18']] },
      { types: [MDL_DOCTYPE], claims: [[MDL_NAMESPACE, 'given_name'], [MDL_NAMESPACE, 'family_name'], [MDL_NAMESPACE, 'age_over_18']] },
    ],
  },
  {
    id: CORNER_SHOP_REGISTER_ID,
    name: { en: 'Corner Shop Ltd', cy: 'Siop y Gornel Cyf' },
    registration: { en: 'Registered to check age for age-restricted sales', cy: "Wedi'i gofrestru i wirio oedran ar gyfer gwerthiannau â chyfyngiad oedran" },
    permitted: [
      { types: [DRIVING_LICENCE], claims: [['age_over_18']] },
      { types: [MDL_DOCTYPE], claims: [[MDL_NAMESPACE, 'age_over_18']] },
    ],
  },
  {
    id: BANK_REGISTER_ID,
    name: { en: 'Cardiff Community Bank Ltd', cy: 'Banc Cymunedol Caerdydd Cyf' },
    registration: {
      en: 'Registered to check identity to open accounts, and the authority of someone acting for the account holder',
      cy: "Wedi'i gofrestru i wirio hunaniaeth i agor cyfrifon, ac awdurdod rhywun sy'n gweithredu ar ran deiliad y cyfrif",
    },
    permitted: [
      { types: [DRIVING_LICENCE], claims: IDENTITY_CLAIMS.map((c) => [c]) },
      { types: [MDL_DOCTYPE], claims: IDENTITY_CLAIMS.map((c) => [MDL_NAMESPACE, c]) },
      // Not registered_on: the bank needs who acts, for whom, for what and the register's reference.
      { types: [AUTHORITY_TYPE], claims: Object.values(AUTHORITY_CLAIMS).filter((c) => c !== AUTHORITY_CLAIMS.registeredOn).map((c) => [c]) },
    ],
  },
];
