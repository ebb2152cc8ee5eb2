/**
 * A wallet app on this device, for the Digital Credentials API tests: what navigator.credentials.get
 * resolves with, its presentations made by code we did not write — an SD-JWT VC licence by
 * @sd-jwt/sd-jwt-vc (KB-JWT with the aud and nonce given, OpenID4VP 1.0 §A.4) and an mDL
 * DeviceResponse by @owf/mdoc device-signed over the OpenID4VPDCAPIHandover SessionTranscript
 * @owf/mdoc builds itself (B.2.6.2) — and its answer encrypted by jose to the request's key
 * (dc_api.jwt, §8.3). With the trust list that names their issuer (key and IACA).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { CoseKey, DeviceRequest, DeviceResponse, DocRequest, IssuerSigned, ItemsRequest, SessionTranscript } from '@owf/mdoc';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { base64url, calculateJwkThumbprint, CompactEncrypt, importJWK, type JWK } from 'jose';
import { trustListFromIssuers, type TrustList } from '../../../../src/credentials/index';
import { base64urlEncode } from '../../../../src/lib/base64url';
import { CREDENTIAL_TYPES } from '../../../../src/wallet/shared';
import { webCryptoIssuingContext } from '../../../shared/credentials/mdoc-pki';
import { issueMdocLicence, MDL_DOCTYPE, MDL_NAMESPACE } from '../../support/mdoc-fixture';

const DVLA = 'https://dvla.example.gov.uk';
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** What the 'driving' purpose asks of each kind of licence (src/wallet/shared/purposes.ts). */
export const DRIVING_SD_JWT = ['given_name', 'family_name', 'portrait', 'driving_privileges'];
export const DRIVING_MDL = ['given_name', 'family_name', 'portrait', 'driving_privileges', 'expiry_date'];

/** The request as the wallet receives it (`digital.requests[0]`). */
export type WalletRequest = { protocol: string; data: { nonce: string; dcql_query: { credentials: { id: string }[] }; client_metadata: { jwks: { keys: JWK[] } } } & Record<string, unknown> };

export interface TestWallet {
  trustList: TrustList;
  /** @sd-jwt/sd-jwt-vc's presentation of the driving claims, its KB-JWT for `aud` and `nonce`. */
  sdJwt(aud: string, nonce: string): Promise<string>;
  /** @owf/mdoc's DeviceResponse for the driving elements, device-signed over its own B.2.6.2 transcript for `origin`. */
  mdoc(request: WalletRequest, origin: string): Promise<string>;
  /** The answer encrypted to the request's key, as the DigitalCredential { protocol, data } the browser resolves with. */
  encrypted(request: WalletRequest, vpToken: Record<string, string[]>): Promise<unknown>;
}

const webCryptoSigner = (key: CryptoKey) => async (data: string) =>
  base64urlEncode(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(data))));

export async function makeTestWallet(): Promise<TestWallet> {
  const issuer = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const holder = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', issuer.publicKey);
  const holderJwk = await crypto.subtle.exportKey('jwk', holder.publicKey);
  const theirs = new SDJwtVcInstance({
    signer: webCryptoSigner(issuer.privateKey),
    signAlg: 'ES256',
    hasher: (data) => sha256(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)),
    hashAlg: 'sha-256',
    saltGenerator: () => base64urlEncode(crypto.getRandomValues(new Uint8Array(16))),
    kbSigner: webCryptoSigner(holder.privateKey),
    kbSignAlg: 'ES256',
  });
  const nowS = Math.floor(Date.now() / 1000);
  const licence = await theirs.issue(
    {
      iss: DVLA,
      vct: CREDENTIAL_TYPES.drivingLicence,
      iat: nowS - 60,
      exp: nowS + 86_400,
      cnf: { jwk: { kty: holderJwk.kty!, crv: holderJwk.crv!, x: holderJwk.x!, y: holderJwk.y! } },
      given_name: 'Ada',
      family_name: 'Lovelace',
      birth_date: '1990-12-10',
      portrait: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ',
      driving_privileges: [{ vehicle_category_code: 'B' }],
    },
    { _sd: ['given_name', 'family_name', 'birth_date', 'portrait', 'driving_privileges'] },
    { header: { kid: 'dvla-dc' } },
  );
  const mdl = await issueMdocLicence();
  const trustList = trustListFromIssuers([
    { id: DVLA, name: { en: 'Driver and Vehicle Licensing Agency' }, keys: [{ kty, crv, x, y, kid: 'dvla-dc' }], types: [CREDENTIAL_TYPES.drivingLicence, MDL_DOCTYPE], iaca: mdl.iaca } as never,
  ]);
  const publicOf = (key: JWK) => ({ kty: key.kty!, crv: key.crv!, x: key.x!, y: key.y! });

  return {
    trustList,
    sdJwt: (aud, nonce) => theirs.present(licence, Object.fromEntries(DRIVING_SD_JWT.map((c) => [c, true])), { kb: { payload: { iat: Math.floor(Date.now() / 1000), aud, nonce } } }),
    async mdoc(request, origin) {
      const jwkThumbprint = base64url.decode(await calculateJwkThumbprint(publicOf(request.data.client_metadata.jwks.keys[0]!), 'sha256'));
      const context = webCryptoIssuingContext(mdl.holder.privateKey);
      const sessionTranscript = await SessionTranscript.forOid4VpDcApi({ origin, nonce: request.data.nonce, jwkThumbprint }, context);
      const deviceRequest = DeviceRequest.create({
        docRequests: [DocRequest.create({ itemsRequest: ItemsRequest.create({ docType: MDL_DOCTYPE, namespaces: { [MDL_NAMESPACE]: Object.fromEntries(DRIVING_MDL.map((e) => [e, false])) } }) })],
      });
      const response = await DeviceResponse.createWithDeviceRequest(
        { deviceRequest, sessionTranscript, issuerSigned: [IssuerSigned.fromEncodedForOid4Vci(mdl.raw)], signature: { signingKey: CoseKey.fromJwk({ ...mdl.holder.jwk, alg: 'ES256' } as never) } },
        context,
      );
      return response.encodedForOid4Vp;
    },
    async encrypted(request, vpToken) {
      const key = request.data.client_metadata.jwks.keys[0]!;
      const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ vp_token: vpToken })))
        .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM', kid: key.kid! })
        .encrypt(await importJWK(publicOf(key), 'ECDH-ES'));
      return { protocol: request.protocol, data: { response: jwe } };
    },
  };
}
