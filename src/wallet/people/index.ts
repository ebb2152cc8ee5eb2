/** The people a carer holds credentials for, and the authority they hold to act for them (docs/carers.md). */
export * from './people-api';
export * from './people';
export { authoritiesAmong, flatClaims, isAuthority } from './authorities';
