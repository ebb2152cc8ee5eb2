/**
 * Satchel's credential library: SD-JWT (RFC 9901), SD-JWT VC, JWT VC 2.0, JWS ES256/EdDSA, trust
 * list, token status list, presentations with key binding. Framework-free; runs in browsers and
 * in Node. Each credential format is a module of its own (formats/<format>/, listed by the
 * registry formats/index.ts; formats/format.ts says what a format provides). Signatures go
 * through a SignatureVerifier (src/lib/signature-verifier.ts), in one batch per call.
 */
export { verifyCredential, verifyCredentials, verifyPresentation, verifyPresentations } from './verify';
export { prepareSdJwtVc, prepareTrustList, SALT_BYTES, type SdJwtVcInput, type TrustListInput, type UnsignedJws } from './issuance';
export { createPresentation, type ClaimPath, type PresentationRequest } from './presentation';
export { trustListFromIssuers, trustListAgeSeconds, type TrustList, type TrustedIssuer, type StatusListSigner, type IssuerName, type IssuerInput, type StatusListSignerInput, type PublicJwk, type IacaRoot, type VerifierRegister, type VerifierRegisterInput, type RegisteredVerifier, type PermittedRequest } from './trust-list';
export { parseTrustList, TRUST_LIST_TYP, type TrustListResult, type ParseTrustListOptions } from './trust-list-parse';
export type { VerifyOptions, PresentationOptions, ProximityPresentationOptions, VerificationReport, Check, StatusState } from './report';
export type { CheckName, CheckCode } from './check-error';
export { jwkThumbprintSha256 } from './jwk';
export { detectFormat, formatNamed, registerFormat, registeredFormats, type CredentialFormat, type CredentialFormatModule, type HolderProofExpectations, type ParsedCredential, type ReadCredential } from './formats/index';
export { selectClaim, selectShaped, type ClaimPathStep } from './claim-path';
export { sdJwtVcFormat } from './formats/sd-jwt-vc/index';
export { jwtVcFormat } from './formats/jwt-vc/index';
export { msoMdocFormat } from './formats/mso-mdoc/index';
export * from './limits';
export type { SignatureVerifier, VerifyItem, SignatureAlgorithm } from '../lib/signature-verifier';
