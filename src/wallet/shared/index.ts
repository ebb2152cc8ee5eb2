/** What several use cases need: the wallet's config, purposes (what a verifier may ask for) and localising the issuer's display data. */
export * from './config';
export * from './purposes';
export * from './localise';
export * from './types';
export * from './record-kinds';
export * from './display-name';
/** The authority credential's type, for the screens' own name of it (src/ui/i18n/names.ts). */
export { AUTHORITY_TYPE } from '../../credentials/on-behalf';
