/** Sharing held credentials with a verifier, online (OpenID4VP) and in person (QR codes), with selective disclosure. */
export * from './share-api';
export * from './share';
