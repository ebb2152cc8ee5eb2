/**
 * The reference departments: who they are (names in English and Welsh, as the trust list carries
 * them), which credentials each offers, and the display metadata each publishes in its
 * OpenID4VCI Credential Issuer Metadata (OpenID4VCI 1.0 §12.2.4, credential_metadata.display and
 * .claims with claim paths per Appendix C). Static data only.
 */

import { AUTHORITY_TYPE } from '../../credentials/on-behalf';

export type DepartmentId = 'dvla' | 'veterans' | 'home-office' | 'dbs' | 'opg';

export interface Localised {
  en: string;
  cy: string;
}

export interface ClaimDisplay {
  /** Claim path (OpenID4VCI 1.0 Appendix C): into the SD-JWT VC payload, into credentialSubject for JWT VC, or [namespace, element] for an mdoc (Appendix A.2.2). */
  path: string[];
  label: Localised;
}

export interface CredentialConfiguration {
  id: string;
  format: 'dc+sd-jwt' | 'jwt_vc_json' | 'mso_mdoc';
  /** SD-JWT VC `vct`, the JWT VC type besides VerifiableCredential, or an mdoc's docType. */
  type: string;
  name: Localised;
  claims: ClaimDisplay[];
  /**
   * The paper card offered beside it (configuration `<id>_card`, card-issuer.ts): the claims a
   * checker needs in person, never an address, document number or share code. Absent where the
   * credential has no card of its own.
   */
  card?: { claims: string[] };
}

export interface Department {
  id: DepartmentId;
  name: Localised;
  /** Default port under `npm start` (tests use ephemeral ports). */
  port: number;
  /**
   * Issues only after the person signs in at the reference authorisation server (OpenID4VCI 1.0
   * §3.4 Authorization Code flow with PAR, PKCE and DPoP: authorization-server.ts); its offers carry
   * an authorization_code grant with issuer_state instead of a pre-authorised code.
   */
  signIn?: boolean;
  credentials: CredentialConfiguration[];
}

const l = (en: string, cy: string): Localised => ({ en, cy });

/** Types are URIs under one demo namespace; the trust list allows each department only its own. */
export const TYPE_BASE = 'https://satchel.example/credentials';

/** ISO/IEC 18013-5 §7.1: the mDL's docType and the namespace of its data elements (§7.2.1). */
export const MDL_DOCTYPE = 'org.iso.18013.5.1.mDL';
export const MDL_NAMESPACE = 'org.iso.18013.5.1';
const mdl = (element: string, label: Localised): ClaimDisplay => ({ path: [MDL_NAMESPACE, element], label });

export const DEPARTMENTS: readonly Department[] = [
  {
    id: 'dvla',
    name: l('Driver and Vehicle Licensing Agency', 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau'),
    port: 5174,
    credentials: [
      {
        id: 'driving_licence',
        format: 'dc+sd-jwt',
        type: `${TYPE_BASE}/driving-licence`,
        name: l('Driving licence', 'Trwydded yrru'),
        claims: [
          { path: ['given_name'], label: l('Given name', 'Enw cyntaf') },
          { path: ['family_name'], label: l('Family name', 'Cyfenw') },
          { path: ['birth_date'], label: l('Date of birth', 'Dyddiad geni') },
          { path: ['address'], label: l('Address', 'Cyfeiriad') },
          { path: ['driving_privileges'], label: l('Licence categories', 'Categorïau trwydded') },
          { path: ['age_over_18'], label: l('Aged 18 or over', '18 oed neu hŷn') },
          { path: ['age_over_21'], label: l('Aged 21 or over', '21 oed neu hŷn') },
          { path: ['document_number'], label: l('Licence number', 'Rhif trwydded') },
          { path: ['portrait'], label: l('Photo', 'Llun') },
        ],
        card: { claims: ['given_name', 'family_name', 'birth_date', 'driving_privileges'] },
      },
      {
        // The same licence as an ISO/IEC 18013-5 mDL (OpenID4VCI 1.0 Appendix A.2), every element of §7.2.1 it needs.
        // No card of its own: its card would say exactly what the SD-JWT licence's card says.
        id: 'mobile_driving_licence',
        format: 'mso_mdoc',
        type: MDL_DOCTYPE,
        name: l('Mobile driving licence', 'Trwydded yrru symudol'),
        claims: [
          mdl('family_name', l('Family name', 'Cyfenw')),
          mdl('given_name', l('Given name', 'Enw cyntaf')),
          mdl('birth_date', l('Date of birth', 'Dyddiad geni')),
          mdl('issue_date', l('Date of issue', 'Dyddiad cyhoeddi')),
          mdl('expiry_date', l('Date of expiry', 'Dyddiad dod i ben')),
          mdl('issuing_country', l('Issuing country', 'Gwlad gyhoeddi')),
          mdl('issuing_authority', l('Issuing authority', 'Awdurdod cyhoeddi')),
          mdl('document_number', l('Licence number', 'Rhif trwydded')),
          mdl('portrait', l('Photo', 'Llun')),
          mdl('driving_privileges', l('Licence categories', 'Categorïau trwydded')),
          mdl('age_over_18', l('Aged 18 or over', '18 oed neu hŷn')),
          mdl('age_over_21', l('Aged 21 or over', '21 oed neu hŷn')),
        ],
      },
    ],
  },
  {
    id: 'veterans',
    name: l("Office for Veterans' Affairs", 'Swyddfa Materion Cyn-filwyr'),
    port: 5175,
    credentials: [
      {
        id: 'veteran_card',
        format: 'jwt_vc_json',
        type: 'VeteranCard',
        name: l('Veteran card', 'Cerdyn cyn-filwr'),
        claims: [
          { path: ['given_name'], label: l('Given name', 'Enw cyntaf') },
          { path: ['family_name'], label: l('Family name', 'Cyfenw') },
          { path: ['service'], label: l('Service', 'Gwasanaeth') },
          { path: ['service_number'], label: l('Service number', 'Rhif gwasanaeth') },
          { path: ['service_left'], label: l('Left service', 'Gadael y gwasanaeth') },
        ],
        card: { claims: ['given_name', 'family_name', 'service', 'service_left'] },
      },
    ],
  },
  {
    id: 'home-office',
    name: l('Home Office', 'Y Swyddfa Gartref'),
    port: 5176,
    credentials: [
      {
        id: 'right_to_work',
        format: 'dc+sd-jwt',
        type: `${TYPE_BASE}/right-to-work`,
        name: l('Right to work', 'Hawl i weithio'),
        claims: [
          { path: ['given_name'], label: l('Given name', 'Enw cyntaf') },
          { path: ['family_name'], label: l('Family name', 'Cyfenw') },
          { path: ['birth_date'], label: l('Date of birth', 'Dyddiad geni') },
          { path: ['right_to_work'], label: l('Right to work', 'Hawl i weithio') },
          { path: ['work_restrictions'], label: l('Work restrictions', 'Cyfyngiadau gwaith') },
          { path: ['share_code'], label: l('Share code', 'Cod rhannu') },
        ],
        card: { claims: ['given_name', 'family_name', 'birth_date', 'right_to_work', 'work_restrictions'] },
      },
    ],
  },
  {
    id: 'dbs',
    name: l('Disclosure and Barring Service', 'Y Gwasanaeth Datgelu a Gwahardd'),
    port: 5177,
    // A criminal record check is issued to the person who proves who they are, never to whoever holds a code.
    signIn: true,
    credentials: [
      {
        id: 'basic_dbs',
        format: 'dc+sd-jwt',
        type: `${TYPE_BASE}/basic-dbs`,
        name: l('Basic DBS check', 'Gwiriad DBS sylfaenol'),
        claims: [
          { path: ['given_name'], label: l('Given name', 'Enw cyntaf') },
          { path: ['family_name'], label: l('Family name', 'Cyfenw') },
          { path: ['birth_date'], label: l('Date of birth', 'Dyddiad geni') },
          { path: ['certificate_number'], label: l('Certificate number', 'Rhif tystysgrif') },
          { path: ['result'], label: l('Result', 'Canlyniad') },
          { path: ['issued_on'], label: l('Date of check', 'Dyddiad y gwiriad') },
        ],
        card: { claims: ['given_name', 'family_name', 'birth_date', 'result', 'issued_on'] },
      },
    ],
  },
  {
    // The register of lasting powers of attorney (docs/carers.md): it issues the attorney an
    // authority naming the donor, bound to the attorney's key, revocable (src/credentials/on-behalf.ts).
    id: 'opg',
    name: l('Office of the Public Guardian', "Swyddfa'r Gwarcheidwad Cyhoeddus"),
    port: 5183,
    credentials: [
      {
        id: 'lasting_power_of_attorney',
        format: 'dc+sd-jwt',
        type: AUTHORITY_TYPE,
        name: l('Lasting power of attorney', 'Atwrneiaeth arhosol'),
        claims: [
          { path: ['attorney_given_name'], label: l("Attorney's given name", 'Enw cyntaf yr atwrnai') },
          { path: ['attorney_family_name'], label: l("Attorney's family name", "Cyfenw'r atwrnai") },
          { path: ['donor_given_name'], label: l('Given name of the person they act for', "Enw cyntaf y person y maen nhw'n gweithredu ar ei ran") },
          { path: ['donor_family_name'], label: l('Family name of the person they act for', "Cyfenw y person y maen nhw'n gweithredu ar ei ran") },
          { path: ['donor_birth_date'], label: l('Date of birth of the person they act for', "Dyddiad geni y person y maen nhw'n gweithredu ar ei ran") },
          { path: ['power'], label: l('What it covers', "Beth mae'n ei gwmpasu") },
          { path: ['reference'], label: l('Reference', 'Cyfeirnod') },
          { path: ['registered_on'], label: l('Date registered', 'Dyddiad cofrestru') },
        ],
      },
    ],
  },
];

/** The trust-list operator and the admin page, under `npm start`. */
export const TRUST_LIST_PORT = 5178;
export const ADMIN_PORT = 5179;
/** The reference authorisation server (sign-in), under `npm start` (5180 and 5181 are the reference verifiers, 5183 the OPG). */
export const AUTHORIZATION_SERVER_PORT = 5182;
