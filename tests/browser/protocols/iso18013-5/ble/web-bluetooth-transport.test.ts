// The reader's BLE transport (mdoc peripheral server mode, ISO/IEC 18013-5 §8.3.3.1.1) in real
// Chromium, against a fake `navigator.bluetooth` that plays the holder's phone: the chooser closed,
// Ident right, wrong and absent, messages in several chunks both ways, a link dropped mid-message,
// malformed chunks, the holder's END, the inactivity limit and close(). The same transport against
// Chromium's own Web Bluetooth stack (emulated radio) is the reader e2e (tests/e2e/mdoc-reader*).
import { afterEach, describe, expect, it, vi } from 'vitest';
import annexD from '../../../../vectors/mdoc/iso18013-5_annex_d.json';
import type { DeviceEngagement } from '../../../../../src/protocols/iso18013-5/engagement';
import { TransportError } from '../../../../../src/protocols/iso18013-5/transport';
import { bleIdent } from '../../../../../src/protocols/iso18013-5/ble/ident';
import { webBluetoothTransport } from '../../../../../src/protocols/iso18013-5/ble/web-bluetooth-transport';
import type { BluetoothLike } from '../../../../../src/protocols/iso18013-5/ble/web-bluetooth-types';

const SERVICE = '45efef74-2b2c-4837-a9a3-b0e1d05a6917';
const STATE = '00000001-a123-48ce-896b-4c76973373e6';
const C2S = '00000002-a123-48ce-896b-4c76973373e6';
const S2C = '00000003-a123-48ce-896b-4c76973373e6';
const IDENT = '00000008-a123-48ce-896b-4c76973373e6';

const hex = (text: string) => Uint8Array.from(text.match(/../g)!.map((b) => parseInt(b, 16)));
const eDeviceKeyBytes = hex(annexD.hex.E_DEVICE_KEY_BYTES);
const engagement: DeviceEngagement = {
  version: '1.0',
  bytes: hex(annexD.hex.DEVICE_ENGAGEMENT),
  eDeviceKeyBytes,
  eDeviceKey: { crv: 'P-256', x: hex(annexD.hex.EPHEMERAL_DEVICE_KEY_X), y: hex(annexD.hex.EPHEMERAL_DEVICE_KEY_Y) },
  ble: { peripheralServerUuid: SERVICE },
};

const notFound = (what: string) => new DOMException(what, 'NotFoundError');

class FakeCharacteristic extends EventTarget {
  value: DataView | null = null;
  writes: Uint8Array[] = [];
  notifying = false;
  failWrites = false;
  constructor(readonly uuid: string, private readonly readResult?: Uint8Array, private readonly onWrite?: (bytes: Uint8Array) => void) {
    super();
  }
  async readValue(): Promise<DataView> {
    if (!this.readResult) throw new DOMException('GATT operation not permitted.', 'NotSupportedError');
    return new DataView(this.readResult.slice().buffer);
  }
  async writeValueWithoutResponse(value: BufferSource): Promise<void> {
    if (this.failWrites) throw new DOMException('GATT Server is disconnected.', 'NetworkError');
    const bytes = new Uint8Array(ArrayBuffer.isView(value) ? value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) : value.slice(0));
    this.writes.push(bytes);
    this.onWrite?.(bytes);
  }
  async startNotifications() {
    this.notifying = true;
    return this;
  }
  async stopNotifications() {
    this.notifying = false;
    return this;
  }
  /** What the holder's notification looks like to the page. */
  notify(bytes: Uint8Array): void {
    this.value = new DataView(bytes.slice().buffer);
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

/** The holder's phone: a GATT server with Table 11's characteristics, and Ident when given one. */
class FakeHolder {
  readonly device = Object.assign(new EventTarget(), { id: 'holder', name: 'Holder phone', gatt: undefined as unknown });
  connected = false;
  disconnects = 0;
  /** Order of what the reader did, to check START comes after the subscriptions. */
  readonly log: string[] = [];
  readonly state = new FakeCharacteristic(STATE, undefined, (b) => this.log.push(`state:${b[0]}`));
  readonly toHolder = new FakeCharacteristic(C2S, undefined, (b) => this.log.push(`c2s:${b.byteLength}`));
  readonly fromHolder = new FakeCharacteristic(S2C);
  readonly ident?: FakeCharacteristic;

  constructor(ident?: Uint8Array) {
    if (ident) this.ident = new FakeCharacteristic(IDENT, ident);
    const characteristics = new Map([this.state, this.toHolder, this.fromHolder, ...(this.ident ? [this.ident] : [])].map((c) => [c.uuid, c]));
    const service = {
      getCharacteristic: async (uuid: string) => {
        const found = characteristics.get(uuid);
        if (!found) throw notFound(`No Characteristics matching UUID ${uuid} found in Service.`);
        if (uuid === S2C || uuid === STATE) this.log.push(`got:${uuid.slice(7, 8)}`);
        return found;
      },
    };
    const gatt = {
      connected: false,
      connect: async () => {
        this.connected = true;
        return gatt;
      },
      disconnect: () => {
        this.disconnects++;
        this.dropLink();
      },
      getPrimaryService: async (uuid: string) => {
        if (uuid !== SERVICE) throw notFound(`No Services matching UUID ${uuid} found in Device.`);
        return service;
      },
    };
    Object.defineProperty(gatt, 'connected', { get: () => this.connected });
    this.device.gatt = gatt;
    for (const c of [this.state, this.fromHolder]) {
      const start = c.startNotifications.bind(c);
      c.startNotifications = async () => {
        this.log.push(`notify:${c.uuid.slice(7, 8)}`);
        return start();
      };
    }
  }

  bluetooth(requested: unknown[] = []): BluetoothLike {
    return {
      requestDevice: async (options) => {
        requested.push(options);
        return this.device as never;
      },
    };
  }

  /** The link drops (out of range, Bluetooth turned off): the browser fires gattserverdisconnected. */
  dropLink(): void {
    if (!this.connected) return;
    this.connected = false;
    this.device.dispatchEvent(new Event('gattserverdisconnected'));
  }

  /** Sends a message as the holder would, in chunks of `size` bytes (header included). */
  reply(message: Uint8Array, size = 182): void {
    for (let offset = 0; offset < message.byteLength; offset += size - 1) {
      this.fromHolder.notify(Uint8Array.of(offset + size - 1 >= message.byteLength ? 0 : 1, ...message.subarray(offset, offset + size - 1)));
    }
  }

  /** The reader's writes to Client2Server, joined, checking each chunk's size and header. */
  receivedMessages(): Uint8Array[] {
    const messages: Uint8Array[] = [];
    let parts: number[] = [];
    for (const chunk of this.toHolder.writes) {
      expect(chunk.byteLength).toBeLessThanOrEqual(20);
      expect([0, 1]).toContain(chunk[0]);
      parts.push(...chunk.subarray(1));
      if (chunk[0] === 0) {
        messages.push(Uint8Array.from(parts));
        parts = [];
      }
    }
    return messages;
  }
}

const bytes = (n: number, seed = 3) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('webBluetoothTransport', () => {
  it('asks the chooser for the engagement\'s service, subscribes, then writes START (0x01) to State (a holder with no Ident, as in Table 11)', async () => {
    const holder = new FakeHolder();
    const requested: unknown[] = [];
    const transport = webBluetoothTransport(engagement, { bluetooth: holder.bluetooth(requested) });
    await transport.connect();
    expect(requested).toEqual([{ filters: [{ services: [SERVICE] }] }]);
    expect(holder.log).toEqual(['got:1', 'got:3', 'notify:3', 'notify:1', 'state:1']);
    await transport.close();
  });

  it('says "unavailable" where the browser has no Web Bluetooth, and where the engagement offers no peripheral server mode', async () => {
    const noBluetooth = await failure(webBluetoothTransport(engagement, { bluetooth: undefined }).connect());
    // Vitest's Chromium runs without the Web Bluetooth flag, so navigator.bluetooth is absent here.
    expect(noBluetooth.code).toBe('unavailable');
    expect(noBluetooth.message).toMatch(/no Web Bluetooth/);
    const centralOnly = { ...engagement, ble: { centralClientUuid: SERVICE } };
    const noMode = await failure(webBluetoothTransport(centralOnly, { bluetooth: new FakeHolder().bluetooth() }).connect());
    expect([noMode.code, noMode.message]).toEqual(['unavailable', "The holder's QR code offers no Bluetooth peripheral server mode, the only mode a browser can use"]);
  });

  it('says "cancelled" when the chooser is closed without a choice, and "unavailable" with the reason when there is no adapter or it is blocked', async () => {
    const closed: BluetoothLike = { requestDevice: () => Promise.reject(notFound('User cancelled the requestDevice() chooser.')) };
    expect((await failure(webBluetoothTransport(engagement, { bluetooth: closed }).connect())).code).toBe('cancelled');
    // Chromium's words when there is no adapter or it is off: also a NotFoundError, but not a choice.
    const noAdapter: BluetoothLike = { requestDevice: () => Promise.reject(notFound('Bluetooth adapter not available.')) };
    const error = await failure(webBluetoothTransport(engagement, { bluetooth: noAdapter }).connect());
    expect([error.code, error.message]).toEqual(['unavailable', 'Bluetooth could not be used: Bluetooth adapter not available.']);
    const blocked: BluetoothLike = { requestDevice: () => Promise.reject(new DOMException('Bluetooth permission has been blocked.', 'SecurityError')) };
    expect((await failure(webBluetoothTransport(engagement, { bluetooth: blocked }).connect())).code).toBe('unavailable');
  });

  it('connects when the holder offers the Ident this engagement\'s key gives (§8.3.3.1.1.4; the test above has none, as in Table 11)', async () => {
    const right = new FakeHolder(await bleIdent(eDeviceKeyBytes));
    const transport = webBluetoothTransport(engagement, { bluetooth: right.bluetooth() });
    await transport.connect();
    expect(right.log.at(-1)).toBe('state:1');
    await transport.close();
  });

  it('says "wrong-device" when the Ident does not match, and disconnects without writing START', async () => {
    const other = await bleIdent(Uint8Array.of(...eDeviceKeyBytes.subarray(0, -1), eDeviceKeyBytes.at(-1)! ^ 1));
    const holder = new FakeHolder(other);
    const error = await failure(webBluetoothTransport(engagement, { bluetooth: holder.bluetooth() }).connect());
    expect([error.code, error.message]).toEqual(['wrong-device', 'The device chosen is not the phone that showed this QR code (its Ident does not match)']);
    expect(holder.state.writes).toEqual([]);
    expect(holder.connected).toBe(false);
  });

  it('sends a message in 20-byte chunks and joins a reply that comes in several chunks', async () => {
    const holder = new FakeHolder();
    const transport = webBluetoothTransport(engagement, { bluetooth: holder.bluetooth() });
    await transport.connect();
    const request = bytes(300);
    await transport.send(request);
    expect(holder.toHolder.writes).toHaveLength(16); // 300 bytes, 19 per chunk
    expect(holder.receivedMessages()).toEqual([request]);

    const answer = bytes(40_000, 9); // a DeviceResponse with a portrait is tens of KiB
    const received = transport.receive();
    holder.reply(answer);
    expect(await received).toEqual(answer);

    // A reply that arrives before receive() is asked for waits for it.
    holder.reply(bytes(5), 3);
    expect(await transport.receive()).toEqual(bytes(5));
    await transport.close();
  });

  it('rejects a pending receive at once with "connection-lost" when the link drops mid-message', async () => {
    const holder = new FakeHolder();
    const transport = webBluetoothTransport(engagement, { bluetooth: holder.bluetooth() });
    await transport.connect();
    const received = transport.receive();
    holder.fromHolder.notify(Uint8Array.of(0x01, 1, 2, 3));
    holder.dropLink();
    const error = await failure(received);
    expect([error.code, error.message]).toEqual(['connection-lost', 'The Bluetooth connection dropped in the middle of a message']);
    expect((await failure(transport.send(bytes(4)))).code).toBe('connection-lost');
    await transport.close();
  });

  it('says "malformed" for a chunk with another header, an empty chunk, and one over 512 bytes', async () => {
    for (const chunk of [Uint8Array.of(0x02, 1, 2), new Uint8Array(0), Uint8Array.of(0x00, ...bytes(512))]) {
      const holder = new FakeHolder();
      const transport = webBluetoothTransport(engagement, { bluetooth: holder.bluetooth() });
      await transport.connect();
      const received = transport.receive();
      holder.fromHolder.notify(chunk);
      const error = await failure(received);
      expect(error.code).toBe('malformed');
      expect(error.message).toMatch(/^A Bluetooth chunk from the holder's phone broke the rules: /);
      await transport.close();
    }
  });

  it('gives the messages that came before the holder wrote END (0x02) to State, then "connection-lost"', async () => {
    const holder = new FakeHolder();
    const transport = webBluetoothTransport(engagement, { bluetooth: holder.bluetooth() });
    await transport.connect();
    holder.reply(bytes(10));
    holder.state.notify(Uint8Array.of(0x02));
    expect(await transport.receive()).toEqual(bytes(10));
    const error = await failure(transport.receive());
    expect([error.code, error.message]).toEqual(['connection-lost', "The holder's phone ended the session"]);
    await transport.close();
  });

  it('ends a receive the holder never answers once the inactivity limit passes', async () => {
    const holder = new FakeHolder();
    const transport = webBluetoothTransport(engagement, { bluetooth: holder.bluetooth(), inactivityLimitMs: 200 });
    await transport.connect();
    const started = performance.now();
    const error = await failure(transport.receive());
    expect([error.code, error.message]).toEqual(['connection-lost', "The holder's phone sent nothing for 0.2 s"]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await transport.close();
  });

  it('counts the inactivity limit from the last chunk: a slow reply still arrives, silence after it does not hang', async () => {
    const holder = new FakeHolder();
    const transport = webBluetoothTransport(engagement, { bluetooth: holder.bluetooth(), inactivityLimitMs: 1000 });
    await transport.connect();
    vi.useFakeTimers();
    const received = transport.receive();
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(900);
      holder.fromHolder.notify(Uint8Array.of(0x01, i));
    }
    vi.advanceTimersByTime(900);
    holder.fromHolder.notify(Uint8Array.of(0x00, 3));
    expect(await received).toEqual(Uint8Array.of(0, 1, 2, 3));
    const silent = transport.receive();
    vi.advanceTimersByTime(1000);
    expect((await failure(silent)).message).toBe("The holder's phone sent nothing for 1 s");
    vi.useRealTimers();
    await transport.close();
  });

  it('close() while connect() waits (the checker gave up at the chooser) leaves no link open', async () => {
    const holder = new FakeHolder();
    let choose: (device: never) => void = () => undefined;
    const slowChooser: BluetoothLike = { requestDevice: () => new Promise((resolve) => (choose = resolve)) };
    const transport = webBluetoothTransport(engagement, { bluetooth: slowChooser });
    const connecting = transport.connect();
    await transport.close();
    choose(holder.device as never);
    const error = await failure(connecting);
    expect([error.code, error.message]).toEqual(['connection-lost', 'The Bluetooth session was closed']);
    expect(holder.connected).toBe(false);
    expect(holder.state.writes).toEqual([]);
  });

  it('close() writes END (0x02) to State and disconnects; it never throws, even when the link is gone', async () => {
    const holder = new FakeHolder();
    const transport = webBluetoothTransport(engagement, { bluetooth: holder.bluetooth() });
    await transport.connect();
    const received = transport.receive();
    await transport.close();
    expect(holder.state.writes.map((w) => [...w])).toEqual([[0x01], [0x02]]);
    expect(holder.disconnects).toBe(1);
    expect((await failure(received)).code).toBe('connection-lost');
    await transport.close(); // a second close does nothing

    const gone = new FakeHolder();
    const second = webBluetoothTransport(engagement, { bluetooth: gone.bluetooth() });
    await second.connect();
    gone.state.failWrites = true;
    await expect(second.close()).resolves.toBeUndefined();
    expect(gone.disconnects).toBe(1);
  });
});
