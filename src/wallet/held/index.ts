/** The credentials a person holds, as screens and sharing read them: re-verified views, claim rows and their labels. */
export * from './held-credentials';
export * from './credential-views';
export * from './held-api';
