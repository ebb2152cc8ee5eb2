/**
 * The emulated holder phone (support/emulated-mdoc-peripheral.ts) against a page's own Web
 * Bluetooth calls, written here by hand (not Satchel's transport), so that the harness is proven
 * on its own before the reader's e2e relies on it: the chooser answered from a real click, GATT
 * connect, discovery, notifications, a two-chunk message in, a reply in several chunks out, START
 * and END on State, and a link dropped mid-reply.
 *
 * The page is a one-button page served on localhost (a secure context, which Web Bluetooth needs);
 * the app itself is not needed to prove the harness, and building it would take minutes.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium-path.mjs';
import type { BluetoothLike, BluetoothRemoteGATTCharacteristicLike } from '../../src/protocols/iso18013-5/ble/web-bluetooth-types';
import { startEmulatedMdocPeripheral, WEB_BLUETOOTH_ARGS } from './support/emulated-mdoc-peripheral';

const test = base.extend<{ baseURL: string }, { site: { url: string } }>({
  site: [
    async ({}, use) => {
      const server: Server = createServer((_request, response) => {
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end('<!doctype html><title>BLE</title><button id="go">Connect</button>');
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      await use({ url: `http://localhost:${(server.address() as AddressInfo).port}/` });
      await new Promise((done) => server.close(done));
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ site }, use) => use(site.url),
});

test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, ...WEB_BLUETOOTH_ARGS] } });

const SERVICE = '4f1b2d6e-9a3c-4e70-8b5d-2c6a1f0e9d37';
const IDENT = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const MESSAGE = Uint8Array.from({ length: 30 }, (_, i) => i + 1); // 30 bytes: two 20-byte chunks (19 + 11)

interface PageLog {
  steps: string[];
  reply?: number[];
}

/** What the click does: a reader in mdoc peripheral server mode, in plain Web Bluetooth calls. */
async function armReader(page: Page, message: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ service, message }) => {
      const log: PageLog = { steps: [] };
      (window as unknown as { bleLog: PageLog }).bleLog = log;
      const uuid = (n: number) => `0000000${n}-a123-48ce-896b-4c76973373e6`;
      document.getElementById('go')!.addEventListener('click', async () => {
        try {
          const bluetooth = (navigator as unknown as { bluetooth: BluetoothLike }).bluetooth;
          const device = await bluetooth.requestDevice({ filters: [{ services: [service] }] });
          device.addEventListener('gattserverdisconnected', () => log.steps.push('disconnected'));
          const gatt = await device.gatt!.connect();
          const svc = await gatt.getPrimaryService(service);
          try {
            const ident = await (await svc.getCharacteristic(uuid(8))).readValue();
            log.steps.push(`ident:${Array.from(new Uint8Array(ident.buffer, ident.byteOffset, ident.byteLength)).join(',')}`);
          } catch (error) {
            log.steps.push(`no ident:${(error as Error).name}`);
          }
          const state = await svc.getCharacteristic(uuid(1));
          const toHolder = await svc.getCharacteristic(uuid(2));
          const fromHolder = await svc.getCharacteristic(uuid(3));
          const parts: number[] = [];
          fromHolder.addEventListener('characteristicvaluechanged', () => {
            const value = new Uint8Array(fromHolder.value!.buffer, fromHolder.value!.byteOffset, fromHolder.value!.byteLength);
            parts.push(...value.subarray(1));
            log.steps.push(`chunk:${value[0]}:${value.byteLength}`);
            if (value[0] === 0) log.reply = parts.splice(0);
          });
          await fromHolder.startNotifications();
          await state.startNotifications();
          await state.writeValueWithoutResponse(Uint8Array.of(0x01));
          for (let offset = 0; offset < message.length; offset += 19) {
            const part = message.slice(offset, offset + 19);
            await toHolder.writeValueWithoutResponse(Uint8Array.of(offset + 19 >= message.length ? 0 : 1, ...part));
          }
          log.steps.push('sent');
        } catch (error) {
          log.steps.push(`error:${(error as Error).name}:${(error as Error).message}`);
        }
      });
    },
    { service: SERVICE, message: Array.from(message) },
  );
}

const pageLog = (page: Page) => page.evaluate(() => (window as unknown as { bleLog: PageLog }).bleLog);

test('a reader connects from a click, sends a two-chunk message and gets the reply in chunks; END is seen', async ({ page }) => {
  await page.goto('/');
  const holder = await startEmulatedMdocPeripheral(page, {
    serviceUuid: SERVICE,
    ident: IDENT,
    notifyChunkBytes: 8,
    onMessage: async (message) => Uint8Array.from([...message].reverse()),
  });
  try {
    await armReader(page, MESSAGE);
    await page.click('#go');
    await expect.poll(async () => (await pageLog(page)).reply).toEqual([...MESSAGE].reverse());
    const log = await pageLog(page);
    expect(log.steps[0]).toBe(`ident:${Array.from(IDENT).join(',')}`);
    // 30 bytes in 7-byte pieces: four chunks marked "more" (1), then the last (0).
    expect(log.steps.filter((s) => s.startsWith('chunk:'))).toEqual(['chunk:1:8', 'chunk:1:8', 'chunk:1:8', 'chunk:1:8', 'chunk:0:3']);
    expect(holder.messages).toEqual([MESSAGE]);
    expect(holder.stateWrites).toEqual([0x01]);

    await page.evaluate(async () => {
      // The reader ends the session (§8.3.3.1.1.5) through the same objects the harness recorded.
      const state = (window as unknown as { __emulatedMdoc: Map<string, BluetoothRemoteGATTCharacteristicLike> }).__emulatedMdoc.get('00000001-a123-48ce-896b-4c76973373e6')!;
      await state.writeValueWithoutResponse(Uint8Array.of(0x02));
    });
    expect(await holder.ended).toBe('end');
    expect(holder.stateWrites).toEqual([0x01, 0x02]);
    expect(holder.errors).toEqual([]);
  } finally {
    await holder.stop();
  }
});

test('a holder without Ident (as Table 11 has it) is still reached; a link dropped mid-reply reaches the page at once', async ({ page }) => {
  await page.goto('/');
  const holder = await startEmulatedMdocPeripheral(page, {
    serviceUuid: SERVICE,
    notifyChunkBytes: 8,
    dropAfterReplyChunks: 2,
    onMessage: async (message) => message,
  });
  try {
    await armReader(page, MESSAGE);
    await page.click('#go');
    await expect.poll(async () => (await pageLog(page)).steps.at(-1)).toBe('disconnected');
    const log = await pageLog(page);
    expect(log.steps[0]).toBe('no ident:NotFoundError');
    expect(log.steps.filter((s) => s.startsWith('chunk:'))).toEqual(['chunk:1:8', 'chunk:1:8']);
    expect(log.reply).toBeUndefined();
    expect(await holder.ended).toBe('disconnected');
    expect(holder.errors).toEqual([]);
  } finally {
    await holder.stop();
  }
});
