/**
 * Test fixtures for sharing and checking: an in-memory vault (device keys are real non-extractable
 * WebCrypto keys), credentials issued here with test keys, and a trust list from those issuers.
 */
import { trustListFromIssuers, type TrustList } from '../../../src/credentials/index';
import { CREDENTIAL_TYPES } from '../../../src/wallet/shared/purposes';
import type { CheckResult, Checker } from '../../../src/wallet/check';
import type { Sharer } from '../../../src/wallet/share';
import type { ShareVault } from '../../../src/wallet/share/share';
import type { StoredCredential, VaultState } from '../../../src/wallet/vault/vault-api';
import type { ActivityInput, ActivityStamp } from '../../../src/wallet/vault/satchel-vault';
import { es256Key, holderKeyPair, issueSdJwtVc, statusListToken, type TestKey } from '../../shared/credentials/helpers';

export const NOW = new Date('2026-06-01T12:00:00Z');
export const DVLA = 'https://dvla.example.gov.uk';
export const HOME_OFFICE = 'https://home-office.example.gov.uk';
export const DVLA_STATUS = 'https://dvla.example.gov.uk/status/1';

export class MemoryVault implements ShareVault {
  locked = false;
  readonly credentials: StoredCredential[] = [];
  readonly keys = new Map<string, CryptoKey>();
  readonly activity: (ActivityInput & ActivityStamp)[] = [];
  readonly records = new Map<string, unknown>();
  async state(): Promise<VaultState> {
    return this.locked ? 'locked' : 'unlocked';
  }
  async listCredentials(): Promise<StoredCredential[]> {
    return [...this.credentials];
  }
  async getCredential(id: string): Promise<StoredCredential | undefined> {
    return this.credentials.find((c) => c.id === id);
  }
  async deviceSigningKey(id: string): Promise<CryptoKey> {
    const key = this.keys.get(id);
    if (!key) throw new Error(`no device key for ${id}`);
    return key;
  }
  async recordActivity(entry: ActivityInput): Promise<ActivityInput & ActivityStamp> {
    const full = { ...entry, id: `a${this.activity.length + 1}`, at: entry.at ?? NOW.toISOString() };
    this.activity.unshift(full);
    return full;
  }
  async listActivity<T extends object>(): Promise<(T & ActivityStamp)[]> {
    return [...this.activity] as unknown as (T & ActivityStamp)[];
  }
  async deleteActivity(id: string): Promise<void> {
    const i = this.activity.findIndex((a) => a.id === id);
    if (i >= 0) this.activity.splice(i, 1);
  }
  async putRecord(kind: string, id: string, value: unknown): Promise<void> {
    this.records.set(`${kind}/${id}`, value);
  }
}

export interface World {
  dvla: TestKey;
  homeOffice: TestKey;
  trustList: TrustList;
  statusLists: Record<string, string>;
  vault: MemoryVault;
}

/** A portrait-sized claim: ~2.4 KB of base64 so a response needs several QR frames. */
export const PORTRAIT = `data:image/jpeg;base64,${'/9j/4AAQSkZJRgABAQ'.repeat(130)}`;

export async function addCredential(vault: MemoryVault, id: string, o: { key: TestKey; iss: string; vct: string; sd: Record<string, unknown>; status?: number }): Promise<string> {
  const holder = await holderKeyPair();
  const { raw } = issueSdJwtVc({
    key: o.key,
    plain: { iss: o.iss, vct: o.vct },
    sd: o.sd,
    holderJwk: holder.jwk,
    decoys: 2,
    ...(o.status !== undefined ? { status: { idx: o.status, uri: DVLA_STATUS } } : {}),
  });
  vault.credentials.push({ id, raw, format: 'dc+sd-jwt', issuerName: o.iss, type: o.vct, receivedAt: NOW.toISOString() });
  vault.keys.set(id, holder.privateKey);
  return raw;
}

export async function makeWorld(): Promise<World> {
  const dvla = es256Key('dvla-1');
  const homeOffice = es256Key('ho-1');
  const trustList = trustListFromIssuers([
    { id: DVLA, name: { en: 'Driver and Vehicle Licensing Agency', cy: 'Asiantaeth Trwyddedu Gyrwyr a Cherbydau' }, keys: [dvla.jwk], types: [CREDENTIAL_TYPES.drivingLicence] },
    { id: HOME_OFFICE, name: { en: 'Home Office', cy: 'Y Swyddfa Gartref' }, keys: [homeOffice.jwk], types: [CREDENTIAL_TYPES.rightToWork] },
  ]);
  // Status list: index 3 revoked, the rest valid.
  const statusLists = { [DVLA_STATUS]: statusListToken({ key: dvla, uri: DVLA_STATUS, statuses: [0, 0, 0, 1, 0, 0, 0, 0], iat: Math.floor(NOW.getTime() / 1000) - 600 }) };
  const vault = new MemoryVault();
  await addCredential(vault, 'licence', {
    key: dvla,
    iss: DVLA,
    vct: CREDENTIAL_TYPES.drivingLicence,
    sd: { given_name: 'Ada', family_name: 'Lovelace', birth_date: '1990-12-10', age_over_18: true, age_over_21: true, document_number: 'LOVEL912', portrait: PORTRAIT },
    status: 1,
  });
  await addCredential(vault, 'rtw', {
    key: homeOffice,
    iss: HOME_OFFICE,
    vct: CREDENTIAL_TYPES.rightToWork,
    sd: { given_name: 'Ada', family_name: 'Lovelace', birth_date: '1990-12-10', right_to_work: 'Unlimited', work_restrictions: 'None', share_code: 'W7X-2KQ-9PL' },
  });
  return { dvla, homeOffice, trustList, statusLists, vault };
}

/** The holder's licence ('licence' in the sharer's vault) shown for "over 18" to `checker`: request QR, answer frames, verdict. */
export async function checkOverEighteen(checker: Checker, sharer: Sharer): Promise<CheckResult> {
  const request = await checker.createRequest({ purpose: 'over-18', verifierName: 'Door' });
  const read = await sharer.readRequest(request.qr.frames[0]!);
  for (const f of (await sharer.respond(read.requestId, 'licence', [['age_over_18']])).frames) await checker.addFrame(request.requestId, f);
  return checker.verify(request.requestId);
}

/** Shuffles a copy (deterministic: reverse then rotate) and repeats the first frame. */
export function scrambled(frames: string[]): string[] {
  const r = [...frames].reverse();
  return [...r.slice(1), r[0]!, r[0]!, r[1] ?? r[0]!];
}
