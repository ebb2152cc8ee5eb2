/**
 * The reference verifiers: one verifier app (verifier-app.ts), two sites. Each has its name (as its
 * request's client_name says it), the register entry its certificate is issued under
 * (registered-verifiers.ts), the Client Identifier Prefix it signs under (OpenID4VP 1.0 §5.9.3),
 * the DCQL queries (§6.1) its buttons start, and its start page.
 *
 * - The job application site asks for the right to work, or age, within its registration; it
 *   signs under `x509_san_dns:localhost`.
 * - The corner shop asks to "prove you are over 18" but, beyond its registration (age only), for
 *   name and date of birth as well: the demo of the wallet's "asks for more than it is registered
 *   for" warning. It signs under `x509_hash:`.
 * - The community bank opens an account for someone the person acts for (docs/carers.md): it asks
 *   for that person's licence AND the attorney's authority of the property-and-financial-affairs
 *   power in one answer (§6.4.2 credential_sets), as Satchel's identity-for-finance purpose does,
 *   and its result page says "Presented by … on behalf of …" or why not. It signs under `x509_san_dns:localhost`.
 */
import { AUTHORITY_CLAIMS, AUTHORITY_TYPE, type AuthorityPower } from '../../credentials/on-behalf';
import { BANK_REGISTER_ID, CORNER_SHOP_REGISTER_ID, JOB_SITE_REGISTER_ID } from '../reference/registered-verifiers';
import { MDL_DOCTYPE, MDL_NAMESPACE, TYPE_BASE } from '../reference/departments';

/** One button on a site's start page; `before` is a line shown above it. */
export interface SiteChoice {
  purpose: string;
  label: string;
  before?: string;
}

export interface VerifierSite {
  /** As the site names itself (client_metadata.client_name; the wallet shows the register's name instead when confirmed). */
  name: string;
  /** The register entry its certificate carries (organizationIdentifier). */
  registerId: string;
  clientIdPrefix: 'x509_san_dns' | 'x509_hash';
  /** The DCQL queries by purpose. */
  queries: Record<string, Record<string, unknown>>;
  /** The purpose asked for when the form names none it knows. */
  defaultPurpose: string;
  home: { title: string; intro: string; choices: readonly SiteChoice[] };
}

const RIGHT_TO_WORK = `${TYPE_BASE}/right-to-work`;
const DRIVING_LICENCE = `${TYPE_BASE}/driving-licence`;

export const JOB_SITE: VerifierSite = {
  name: 'Acme Café jobs',
  registerId: JOB_SITE_REGISTER_ID,
  clientIdPrefix: 'x509_san_dns',
  defaultPurpose: 'right-to-work',
  queries: {
    'right-to-work': {
      credentials: [
        {
          id: 'right_to_work',
          format: 'dc+sd-jwt',
          meta: { vct_values: [RIGHT_TO_WORK] },
          claims: [{ path: ['given_name'] }, { path: ['family_name'] }, { path: ['right_to_work'] }, { path: ['work_restrictions'] }],
        },
      ],
    },
    'over-18': {
      credentials: [{ id: 'over_18', format: 'dc+sd-jwt', meta: { vct_values: [DRIVING_LICENCE] }, claims: [{ path: ['age_over_18'] }] }],
    },
    // The driving licence as an ISO mdoc (OpenID4VP 1.0 B.2.3 doctype_value, B.2.4 [namespace, element]).
    'mdl-over-18': {
      credentials: [{ id: 'mdl', format: 'mso_mdoc', meta: { doctype_value: MDL_DOCTYPE }, claims: [{ path: [MDL_NAMESPACE, 'age_over_18'], intent_to_retain: false }] }],
    },
    // Two credentials, one answer (§6.4.2, §8.1): the mdoc licence for name and age, and the right to work.
    'mdl-and-right-to-work': {
      credentials: [
        {
          id: 'mdl',
          format: 'mso_mdoc',
          meta: { doctype_value: MDL_DOCTYPE },
          claims: [{ path: [MDL_NAMESPACE, 'given_name'] }, { path: [MDL_NAMESPACE, 'family_name'] }, { path: [MDL_NAMESPACE, 'age_over_18'] }],
        },
        { id: 'right_to_work', format: 'dc+sd-jwt', meta: { vct_values: [RIGHT_TO_WORK] }, claims: [{ path: ['right_to_work'] }, { path: ['work_restrictions'] }] },
      ],
    },
  },
  home: {
    title: 'apply for a job',
    intro:
      'To apply, prove your right to work in the UK with your Satchel wallet. We will see only your name, your right to work and any restrictions — not your date of birth or share code. This site is run by Example Jobs Ltd.',
    choices: [
      { purpose: 'right-to-work', label: 'Prove my right to work' },
      { purpose: 'over-18', label: 'Prove I am over 18' },
      { purpose: 'mdl-over-18', label: 'Prove I am over 18 with my mobile driving licence', before: 'With your driving licence as an ISO mobile driving licence (mDL):' },
      { purpose: 'mdl-and-right-to-work', label: 'Prove my name and age (mobile driving licence) and my right to work' },
    ],
  },
};

/** The credential query id of the authority (as Satchel's purposes name it, src/wallet/shared/purposes.ts AUTHORITY_QUERY_ID). */
export const AUTHORITY_QUERY = 'authority';

/**
 * Someone's identity shown on their behalf (OpenID4VP 1.0 §6): their SD-JWT VC licence (one
 * required set) and the authority (a second required set, §6.4.2), whose power must be one of
 * `values` (§6.3). The same query Satchel's dcqlFor builds for identity-for-finance (which leaves
 * the mDL out so that its in-person QR code stays readable), so a wallet answers both alike.
 */
export function onBehalfQuery(power: AuthorityPower): Record<string, unknown> {
  const identity = ['given_name', 'family_name', 'birth_date', 'portrait'];
  const asked = [AUTHORITY_CLAIMS.attorneyGivenName, AUTHORITY_CLAIMS.attorneyFamilyName, AUTHORITY_CLAIMS.donorGivenName, AUTHORITY_CLAIMS.donorFamilyName, AUTHORITY_CLAIMS.donorBirthDate, AUTHORITY_CLAIMS.power, AUTHORITY_CLAIMS.reference];
  return {
    credentials: [
      { id: 'identity', format: 'dc+sd-jwt', meta: { vct_values: [DRIVING_LICENCE] }, claims: identity.map((c) => ({ path: [c] })) },
      { id: AUTHORITY_QUERY, format: 'dc+sd-jwt', meta: { vct_values: [AUTHORITY_TYPE] }, claims: asked.map((c) => (c === AUTHORITY_CLAIMS.power ? { path: [c], values: [power] } : { path: [c] })) },
    ],
    credential_sets: [{ options: [['identity']] }, { options: [[AUTHORITY_QUERY]] }],
  };
}

export const CORNER_SHOP: VerifierSite = {
  name: 'Corner Shop',
  registerId: CORNER_SHOP_REGISTER_ID,
  clientIdPrefix: 'x509_hash',
  defaultPurpose: 'over-18',
  queries: {
    // Registered for age_over_18 only; name and date of birth are asked beyond that registration.
    'over-18': {
      credentials: [
        {
          id: 'over_18',
          format: 'dc+sd-jwt',
          meta: { vct_values: [DRIVING_LICENCE] },
          claims: [{ path: ['age_over_18'] }, { path: ['given_name'] }, { path: ['family_name'] }, { path: ['birth_date'] }],
        },
      ],
    },
    'mdl-over-18': {
      credentials: [
        {
          id: 'mdl',
          format: 'mso_mdoc',
          meta: { doctype_value: MDL_DOCTYPE },
          claims: [{ path: [MDL_NAMESPACE, 'age_over_18'] }, { path: [MDL_NAMESPACE, 'given_name'] }, { path: [MDL_NAMESPACE, 'family_name'] }, { path: [MDL_NAMESPACE, 'birth_date'] }],
        },
      ],
    },
  },
  home: {
    title: 'buy age-restricted items',
    intro: 'To buy age-restricted items, prove you are over 18 with your Satchel wallet. We also ask for your name and date of birth.',
    choices: [
      { purpose: 'over-18', label: 'Prove you are over 18' },
      { purpose: 'mdl-over-18', label: 'Prove you are over 18 with your mobile driving licence' },
    ],
  },
};

export const BANK_SITE: VerifierSite = {
  name: 'Cardiff Community Bank',
  registerId: BANK_REGISTER_ID,
  clientIdPrefix: 'x509_san_dns',
  defaultPurpose: 'identity-for-finance',
  queries: { 'identity-for-finance': onBehalfQuery('property-and-financial-affairs') },
  home: {
    title: 'open an account for someone you act for',
    intro:
      "If you have a registered lasting power of attorney for property and financial affairs, you can open an account for the person you act for. With your Satchel wallet, share their driving licence and your authority from the Office of the Public Guardian. We will see their name, date of birth and photo, and who may act for them, for what. The account will be in their name.",
    choices: [{ purpose: 'identity-for-finance', label: 'Open an account for someone I act for' }],
  },
};
