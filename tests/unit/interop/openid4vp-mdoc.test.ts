/**
 * Interop for the mdoc licence online (OpenID4VP 1.0 B.2), both sides implementations we did not
 * write: Satchel's Sharer answers a DCQL `mso_mdoc` request from oid4vc-ts's `Openid4vpVerifier`
 * (tests/unit/interop/oid4vp-harness.ts), whose own parser reads the vp_token; the DeviceResponse
 * in it is verified by @owf/mdoc against the SessionTranscript @owf/mdoc builds from the request
 * (B.2.6.1: client_id, nonce, the JWK thumbprint of the encryption key or null, response_uri).
 * An mdoc with an SD-JWT right to work: one answer holding both, each verified by its own library.
 */
import { DeviceResponse, SessionTranscript, Verifier, type VerificationAssessment } from '@owf/mdoc';
import { base64url, calculateJwkThumbprint } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Sharer, ShareRequest } from '../../../src/wallet/share/share-api';
import { issueToNewHolder, MDL, MDL_NAMESPACE as NS, owfContext, type OwfIssued } from '../../shared/credentials/owf-mdoc';
import { CLIENT_ID, dcqlFor, InteropVault, RESPONSE_URI, RIGHT_TO_WORK_VCT, startInteropWallet, type InteropVerifier } from './oid4vp-harness';

const MDL_QUERY = { id: 'mdl', format: 'mso_mdoc', meta: { doctype_value: MDL }, claims: [{ path: [NS, 'age_over_18'], intent_to_retain: false }] };
// B.2.2: the verifier names the COSE algorithms it takes for mdocs.
const FORMATS = { vp_formats_supported: { 'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256'] }, mso_mdoc: { issuerauth_alg_values: [-7], deviceauth_alg_values: [-7] } } };

let verifier: InteropVerifier;
let vault: InteropVault;
let sharer: Sharer;
let issued: OwfIssued;

beforeEach(async () => {
  ({ verifier, vault, sharer } = await startInteropWallet());
  // The licence as @owf/mdoc issues it, held as Satchel stores a received mdoc, bound to a device key.
  const { holderKey, ...held } = await issueToNewHolder();
  issued = held;
  vault.credentials.push({ id: 'mdl', raw: issued.raw, format: 'mso_mdoc', issuerName: 'https://dvla.example.gov.uk', type: MDL, receivedAt: new Date().toISOString() });
  vault.keys.set('mdl', holderKey);
});

const everyQuery = (request: ShareRequest) =>
  request.queryIds.map((queryId) => {
    const c = request.candidates.find((x) => x.queryId === queryId)!;
    return { queryId, credentialId: c.credentialId, claims: c.requested.map((r) => r.path) };
  });

/** @owf/mdoc's verifier over the DeviceResponse, every check it makes (it stops at the first failure otherwise). */
async function owfChecks(presentation: string, transcript: SessionTranscript): Promise<VerificationAssessment[]> {
  const checks: VerificationAssessment[] = [];
  await Verifier.verifyDeviceResponse(
    { deviceResponse: DeviceResponse.fromEncodedForOid4Vp(presentation), sessionTranscript: transcript, trustedCertificates: [issued.certificate], now: new Date(), onCheck: (c) => void checks.push(c) },
    owfContext,
  );
  return checks;
}

/** B.2.6.1 as @owf/mdoc builds it for this request. */
async function owfTranscript(nonce: string, encrypted: boolean): Promise<SessionTranscript> {
  // @owf/mdoc writes null for an absent thumbprint (an unencrypted answer).
  const thumbprint = encrypted ? { jwkThumbprint: base64url.decode(await calculateJwkThumbprint(verifier.encryptionJwk, 'sha256')) } : {};
  return SessionTranscript.forOid4Vp({ clientId: CLIENT_ID, nonce, responseUri: RESPONSE_URI, ...thumbprint }, owfContext);
}

describe('Satchel answers an mso_mdoc DCQL query; oid4vc-ts parses it, @owf/mdoc verifies it', () => {
  it.each([
    ['direct_post.jwt (the thumbprint of the encryption key in the transcript)', 'direct_post.jwt', true],
    ['direct_post (null in its place)', 'direct_post', false],
  ] as const)('%s', async (_name, responseMode, encrypted) => {
    const { link, payload, nonce } = await verifier.createRequest({ by: 'request-uri', responseMode, dcqlQuery: { credentials: [MDL_QUERY] }, encValues: ['A256GCM'], clientMetadata: FORMATS });
    const request = await sharer.readRequest(link);
    expect(request.candidates.map((c) => c.credentialId)).toEqual(['mdl']);
    await sharer.respondOnline(request.requestId, everyQuery(request));

    const parsed = await verifier.parseLastAnswer(payload);
    expect(parsed.type).toBe('dcql');
    if (parsed.type !== 'dcql') return;
    const [presentation, ...more] = parsed.dcql.presentations.mdl as unknown as string[];
    expect(more).toEqual([]);
    const checks = await owfChecks(presentation!, await owfTranscript(nonce, encrypted));
    expect(checks.filter((c) => c.status === 'FAILED')).toEqual([]);
    expect(checks.filter((c) => c.status === 'PASSED').map((c) => c.check)).toContain('Device signature must be valid');
    // Only what was asked for was disclosed.
    expect(DeviceResponse.fromEncodedForOid4Vp(presentation!).documents![0]!.issuerSigned.getPrettyClaims(NS)).toEqual({ age_over_18: true });
    // Against a transcript with the other thumbprint (or another nonce) @owf/mdoc refuses the device signature.
    const wrong = await owfChecks(presentation!, await owfTranscript(nonce, !encrypted));
    expect(wrong.filter((c) => c.status === 'FAILED').map((c) => c.check)).toEqual(['Device signature must be valid']);
  });

  it('an mdoc licence and an SD-JWT right to work: one answer, each verified by its own library', async () => {
    const dcqlQuery = { credentials: [MDL_QUERY, dcqlFor('work', RIGHT_TO_WORK_VCT, ['given_name', 'right_to_work'])] };
    const { link, payload, nonce } = await verifier.createRequest({ by: 'request-uri', responseMode: 'direct_post.jwt', dcqlQuery, encValues: ['A256GCM'], clientMetadata: FORMATS });
    const request = await sharer.readRequest(link);
    expect(request.queryIds).toEqual(['mdl', 'work']);
    await sharer.respondOnline(request.requestId, everyQuery(request));
    expect(verifier.posted).toHaveLength(1);

    const parsed = await verifier.parseLastAnswer(payload);
    if (parsed.type !== 'dcql') throw new Error('expected a DCQL answer');
    expect(Object.keys(parsed.dcql.presentations).sort()).toEqual(['mdl', 'work']);
    const mdoc = (parsed.dcql.presentations.mdl as unknown as string[])[0]!;
    expect((await owfChecks(mdoc, await owfTranscript(nonce, true))).filter((c) => c.status === 'FAILED')).toEqual([]);
    const work = (parsed.dcql.presentations.work as unknown as string[])[0]!;
    const { claims, kb } = await verifier.verifyPresentation(work, payload);
    expect(claims).toMatchObject({ given_name: 'Ada', right_to_work: 'Unlimited' });
    expect(kb).toMatchObject({ aud: CLIENT_ID, nonce });
  });
});
