/**
 * Driving licences for the test holder (tests/shared/iso-holder) in the reader e2e specs:
 * - `licenceFromOffer`: the reference DVLA's own mdoc, received through its OpenID4VCI 1.0
 *   pre-authorised code flow (§6 token, §7 nonce, §8 credential with a `jwt` key proof, Appendix
 *   F.1) with plain fetch and jose — not Satchel's client — for a device key the holder keeps;
 * - `licenceFromUnknownIaca`: an mDL signed under an IACA of this test's own, named on no trust list;
 * - `codePicture`: the holder's `mdoc:` engagement as a QR image, for "Use a picture of the code".
 */
import qrcode from 'qrcode-generator';
import { SignJWT, exportJWK } from 'jose';
import { CoseKey, DateOnly, DeviceKey, IssuerSignedBuilder, SignatureAlgorithm } from '@owf/mdoc';
import { makeMdocPki, webCryptoIssuingContext } from '../../shared/credentials/mdoc-pki';

const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
const MDL = 'org.iso.18013.5.1.mDL';
const MDL_NAMESPACE = 'org.iso.18013.5.1';

export interface HeldLicence {
  /** base64url IssuerSigned (OpenID4VCI 1.0 Appendix A.2). */
  issuerSigned: string;
  /** The MSO's device key, private (ECDSA P-256, not extractable). */
  deviceKey: CryptoKey;
}

async function newDeviceKey(): Promise<{ privateKey: CryptoKey; jwk: JsonWebKey }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  return { privateKey: pair.privateKey, jwk: { kty, crv, x, y } };
}

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** The offer's JSON from the admin page's offer text (`openid-credential-offer://?credential_offer=…`, §4.1). */
function offerJson(offerText: string): { credential_issuer: string; credential_configuration_ids: string[]; grants: Record<string, { 'pre-authorized_code': string }> } {
  const value = new URL(offerText).searchParams.get('credential_offer');
  if (!value) throw new Error('the offer text carries no credential_offer');
  return JSON.parse(value);
}

/** The reference DVLA's mdoc licence for a new device key, from an offer made on the admin page. */
export async function licenceFromOffer(offerText: string, txCode: string): Promise<HeldLicence> {
  const offer = offerJson(offerText);
  const issuer = offer.credential_issuer;
  const metadata = await json(await fetch(`${issuer}/.well-known/openid-credential-issuer`), 'issuer metadata');
  const asMetadata = await json(await fetch(`${issuer}/.well-known/oauth-authorization-server`), 'authorisation server metadata');
  const token = await json(
    await fetch(asMetadata.token_endpoint as string, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: PRE_AUTHORIZED_GRANT, 'pre-authorized_code': offer.grants[PRE_AUTHORIZED_GRANT]!['pre-authorized_code'], tx_code: txCode }).toString(),
    }),
    'token',
  );
  const auth = { Authorization: `Bearer ${token.access_token as string}` };
  const { c_nonce: nonce } = await json(await fetch(metadata.nonce_endpoint as string, { method: 'POST', headers: auth }), 'nonce');
  const device = await newDeviceKey();
  const proof = await new SignJWT({ aud: issuer, nonce: nonce as string })
    .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: device.jwk as never })
    .setIssuedAt()
    .sign(device.privateKey);
  const answer = await json(
    await fetch(metadata.credential_endpoint as string, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ credential_configuration_id: offer.credential_configuration_ids[0], proofs: { jwt: [proof] } }),
    }),
    'credential',
  );
  const credentials = answer.credentials as { credential: string }[] | undefined;
  if (!credentials?.[0]) throw new Error(`the DVLA sent no credential: ${JSON.stringify(answer)}`);
  return { issuerSigned: credentials[0].credential, deviceKey: device.privateKey };
}

/** An mDL whose Document Signer chains to an IACA of this test's own (ISO/IEC 18013-5 Annex B profile), on no trust list. */
export async function licenceFromUnknownIaca(): Promise<HeldLicence> {
  const now = new Date();
  const pki = await makeMdocPki({
    iacaName: 'C=GB, CN=Look-alike DVLA IACA',
    documentSignerName: 'C=GB, CN=Look-alike DVLA Document Signer',
    notBefore: new Date(now.getTime() - 86400_000),
    notAfter: new Date(now.getTime() + 365 * 86400_000),
  });
  const device = await newDeviceKey();
  const dsJwk = await exportJWK(pki.documentSignerKeys.publicKey);
  const issuerSigned = await new IssuerSignedBuilder(MDL, webCryptoIssuingContext(pki.documentSignerKeys.privateKey))
    .addIssuerNamespace(MDL_NAMESPACE, {
      family_name: 'Jones',
      given_name: 'Ava',
      birth_date: new DateOnly('1990-03-25'),
      issuing_country: 'GB',
      issuing_authority: 'DVLA',
      document_number: 'JONES903257A99',
      portrait: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0),
      driving_privileges: [{ vehicle_category_code: 'B', issue_date: new DateOnly('2012-09-02'), expiry_date: new DateOnly('2032-09-01') }],
      expiry_date: new DateOnly('2032-09-01'),
      age_over_18: true,
    })
    .sign({
      signingKey: CoseKey.fromJwk({ kty: 'EC', crv: 'P-256', x: dsJwk.x!, y: dsJwk.y! }),
      algorithm: SignatureAlgorithm.ES256,
      digestAlgorithm: 'SHA-256',
      validityInfo: { signed: now, validFrom: now, validUntil: new Date(now.getTime() + 30 * 86400_000) },
      deviceKeyInfo: { deviceKey: DeviceKey.fromJwk(device.jwk as Record<string, unknown>) },
      certificates: [pki.documentSignerDer],
    });
  return { issuerSigned: issuerSigned.encodedForOid4Vci, deviceKey: device.privateKey };
}

/** The code's QR as a GIF (qrcode-generator's own image), as a file for setInputFiles. */
export function codePicture(text: string): { name: string; mimeType: string; buffer: Buffer } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const dataUrl = qr.createDataURL(6, 24);
  return { name: 'code.gif', mimeType: 'image/gif', buffer: Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64') };
}
