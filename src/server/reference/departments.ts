/**
 * The reference departments: who they are (names in English and Welsh, as the trust list carries
 * them), which credentials each offers, and the display metadata each publishes in its
 * OpenID4VCI Credential Issuer Metadata (OpenID4VCI 1.0 §12.2.4, credential_metadata.display and
 * .claims with claim paths per Appendix C). Static data only.
 */

export type DepartmentId = 'dvla' | 'veterans' | 'home-office' | 'dbs';

export interface Localised {
  en: string;
  cy: string;
}

export interface ClaimDisplay {
  /** Claim path (OpenID4VCI 1.0 Appendix C): into the SD-JWT VC payload, or into credentialSubject for JWT VC. */
  path: string[];
  label: Localised;
}

export interface CredentialConfiguration {
  id: string;
  format: 'dc+sd-jwt' | 'jwt_vc_json';
  /** SD-JWT VC `vct`, or the JWT VC type besides VerifiableCredential. */
  type: string;
  name: Localised;
  claims: ClaimDisplay[];
}

export interface Department {
  id: DepartmentId;
  name: Localised;
  /** Default port under `npm start` (tests use ephemeral ports). */
  port: number;
  credentials: CredentialConfiguration[];
}

const l = (en: string, cy: string): Localised => ({ en, cy });

/** Types are URIs under one demo namespace; the trust list allows each department only its own. */
export const TYPE_BASE = 'https://satchel.example/credentials';

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
      },
    ],
  },
  {
    id: 'dbs',
    name: l('Disclosure and Barring Service', 'Y Gwasanaeth Datgelu a Gwahardd'),
    port: 5177,
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
      },
    ],
  },
];

/** The trust-list operator and the admin page, under `npm start`. */
export const TRUST_LIST_PORT = 5178;
export const ADMIN_PORT = 5179;
