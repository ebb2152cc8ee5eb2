/**
 * The emulated holder phone (support/emulated-mdoc-peripheral.ts) against a page's own Web
 * Bluetooth calls, written here by hand (not Satchel's transport), so that the harness is proven
 * on its own before the reader's e2e relies on it: the chooser answered from a real click, GATT
 * connect, discovery, notifications, a two-chunk message in, a reply in several chunks out, START
 * and END on State, and a link dropped mid-reply. Then Satchel's own transport
 * (webBluetoothTransport, bundled into the page) over Chromium's Web Bluetooth stack against it.
 *
 * The page is a one-button page served on localhost (a secure context, which Web Bluetooth needs);
 * the app itself is not needed to prove the harness, and building it would take minutes.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build, type Rolldown } from 'vite';
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

const annexD = JSON.parse(readFileSync('tests/vectors/mdoc/iso18013-5_annex_d.json', 'utf8')) as { hex: Record<string, string> };
const eDeviceKeyBytes = Buffer.from(annexD.hex.E_DEVICE_KEY_BYTES!, 'hex');
/** §8.3.3.1.1.4, computed here by Node's HKDF, not by Satchel's ident.ts. */
const annexDIdent = new Uint8Array(hkdfSync('sha256', eDeviceKeyBytes, Buffer.alloc(0), Buffer.from('BLEIdent'), 16));

/** The transport as the app's bundler builds it, as one script for the page. */
async function transportScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: 'src/protocols/iso18013-5/ble/web-bluetooth-transport.ts', formats: ['iife'], name: 'SatchelBle' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput;
  return output.output[0].code;
}

interface TransportRun {
  reply?: number[];
  error?: { code: string; message: string };
}

/** The click runs Satchel's transport: connect, send the request, receive one message, close. */
async function armTransport(page: Page, request: Uint8Array): Promise<void> {
  await page.addScriptTag({ content: await transportScript() });
  await page.evaluate(
    ({ service, request, eDeviceKeyBytes }) => {
      const run: TransportRun = {};
      (window as unknown as { run: TransportRun }).run = run;
      const ble = (window as unknown as { SatchelBle: typeof import('../../src/protocols/iso18013-5/ble/web-bluetooth-transport') }).SatchelBle;
      const transport = ble.webBluetoothTransport({
        version: '1.0',
        bytes: new Uint8Array(0), // not used by the transport
        eDeviceKeyBytes: Uint8Array.from(eDeviceKeyBytes),
        eDeviceKey: { crv: 'P-256', x: new Uint8Array(32), y: new Uint8Array(32) },
        ble: { peripheralServerUuid: service },
      });
      document.getElementById('go')!.addEventListener('click', async () => {
        try {
          await transport.connect();
          await transport.send(Uint8Array.from(request));
          run.reply = Array.from(await transport.receive());
        } catch (error) {
          run.error = { code: (error as { code: string }).code, message: (error as Error).message };
        } finally {
          await transport.close();
        }
      });
    },
    { service: SERVICE, request: Array.from(request), eDeviceKeyBytes: Array.from(eDeviceKeyBytes) },
  );
}

const transportRun = (page: Page) => page.evaluate(() => (window as unknown as { run: TransportRun }).run);
const REQUEST = Uint8Array.from({ length: 300 }, (_, i) => (i * 13) & 0xff);
const REPLY = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7 + 1) & 0xff);

test("Satchel's transport over Chromium's Web Bluetooth: checks Ident, sends in 20-byte chunks, joins a 3000-byte reply, ends with END", async ({ page }) => {
  await page.goto('/');
  const holder = await startEmulatedMdocPeripheral(page, { serviceUuid: SERVICE, ident: annexDIdent, onMessage: async () => REPLY });
  try {
    await armTransport(page, REQUEST);
    await page.click('#go');
    await expect.poll(async () => (await transportRun(page)).reply?.length ?? (await transportRun(page)).error).toBe(REPLY.length);
    expect((await transportRun(page)).reply).toEqual(Array.from(REPLY));
    expect(holder.messages).toEqual([REQUEST]);
    expect(holder.chunkSizes).toEqual([...Array<number>(15).fill(20), 300 - 15 * 19 + 1]); // 19 bytes of message after each header
    expect(await holder.ended).toBe('end');
    expect(holder.stateWrites).toEqual([0x01, 0x02]);
    expect(holder.errors).toEqual([]);
  } finally {
    await holder.stop();
  }
});

test("Satchel's transport refuses a holder whose Ident is another engagement's, and reports a link dropped mid-reply; connecting again then works", async ({ page }) => {
  await page.goto('/');
  const impostor = await startEmulatedMdocPeripheral(page, { serviceUuid: SERVICE, ident: new Uint8Array(16), onMessage: async () => REPLY });
  try {
    await armTransport(page, REQUEST);
    await page.click('#go');
    await expect.poll(async () => (await transportRun(page)).error?.code).toBe('wrong-device');
    expect(impostor.stateWrites).toEqual([]);
  } finally {
    await impostor.stop();
  }

  await page.goto('/');
  const dropping = await startEmulatedMdocPeripheral(page, { serviceUuid: SERVICE, dropAfterReplyChunks: 3, onMessage: async () => REPLY });
  try {
    await armTransport(page, REQUEST);
    await page.click('#go');
    await expect.poll(async () => (await transportRun(page)).error).toEqual({ code: 'connection-lost', message: 'The Bluetooth connection dropped in the middle of a message' });
    expect(dropping.messages).toEqual([REQUEST]);

    // The checker tries again (a new transport, a new click): the same phone answers in full.
    await armTransport(page, REQUEST);
    await page.click('#go');
    await expect.poll(async () => (await transportRun(page)).reply?.length ?? (await transportRun(page)).error).toBe(REPLY.length);
    expect(dropping.messages).toEqual([REQUEST, REQUEST]);
    expect(dropping.stateWrites).toEqual([0x01, 0x01, 0x02]);
    expect(dropping.errors).toEqual([]);
  } finally {
    await dropping.stop();
  }
});

test("Satchel's transport says 'cancelled' when the chooser is closed and 'unavailable' when the phone has no Bluetooth", async ({ page }) => {
  await page.goto('/');
  const unchosen = await startEmulatedMdocPeripheral(page, { serviceUuid: SERVICE, chooser: 'cancel', onMessage: async () => REPLY });
  try {
    await armTransport(page, REQUEST);
    await page.click('#go');
    await expect.poll(async () => (await transportRun(page)).error).toEqual({ code: 'cancelled', message: 'No phone was chosen' });
    expect(unchosen.messages).toEqual([]);
  } finally {
    await unchosen.stop();
  }

  await page.goto('/');
  const noRadio = await startEmulatedMdocPeripheral(page, { serviceUuid: SERVICE, adapter: 'absent', onMessage: async () => REPLY });
  try {
    await armTransport(page, REQUEST);
    await page.click('#go');
    await expect.poll(async () => (await transportRun(page)).error).toEqual({ code: 'unavailable', message: 'Bluetooth could not be used: Bluetooth adapter not available.' });
  } finally {
    await noRadio.stop();
  }
});
