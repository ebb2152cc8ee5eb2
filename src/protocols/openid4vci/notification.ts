/**
 * Notification endpoint, OpenID4VCI 1.0 §11: tells the issuer what became of a credential
 * (`credential_accepted`, `credential_failure`, `credential_deleted`), with the notification_id
 * from the credential response and the access token. Success is 204 (§11.2).
 */
import { Oid4vciError } from './errors';
import type { TokenAuth } from './credential';
import { sendWithAuth } from './dpop';
import { expectJson, type HttpOptions } from './http';

export type NotificationEvent = 'credential_accepted' | 'credential_failure' | 'credential_deleted';

export async function sendNotification(endpoint: string, accessToken: TokenAuth, notificationId: string, event: NotificationEvent, options: HttpOptions, description?: string): Promise<void> {
  const body: Record<string, string> = { notification_id: notificationId, event };
  if (description !== undefined) body.event_description = description;
  const auth = typeof accessToken === 'string' ? { accessToken } : accessToken;
  const result = await sendWithAuth(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, auth, options);
  if (result.status === 204 || result.status === 200) return;
  expectJson(result, endpoint, [204]);
  throw new Oid4vciError('http', `${endpoint} answered with HTTP status ${result.status}`, { status: result.status, url: endpoint });
}
