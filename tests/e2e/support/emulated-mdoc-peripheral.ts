/**
 * The holder's phone as a Bluetooth LE peripheral in "mdoc peripheral server mode"
 * (ISO/IEC 18013-5 §8.3.3.1.1), played through Chromium's CDP BluetoothEmulation, so that a page's
 * real Web Bluetooth calls (device chooser, GATT connect, service discovery, writes, notification
 * subscriptions, disconnection) reach a test instead of a radio.
 *
 * API
 *
 *   test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, ...WEB_BLUETOOTH_ARGS] } });
 *
 *   const holder = await startEmulatedMdocPeripheral(page, {
 *     serviceUuid,                       // the engagement's BLE option 10 (peripheral server mode UUID)
 *     onMessage: async (bytes) => reply, // each whole Client2Server message; the reply (or undefined) goes
 *                                        // back as Server2Client chunks
 *     ident,                             // optional: also serve the Ident characteristic (see IDENT below)
 *     notifyChunkBytes,                  // optional: chunk size of replies, header included (default 182)
 *     dropAfterReplyChunks,              // optional: drop the link after this many chunks of the first reply
 *     chooser: 'cancel',                 // optional: the person closes the chooser instead of choosing
 *     adapter: 'absent',                 // optional: the checker's phone has no Bluetooth (default 'powered-on')
 *   });
 *   // …the page clicks its button: the device chooser is answered once with this peripheral…
 *   holder.messages          // whole messages received, in order
 *   holder.chunkSizes        // the size of each Client2Server write, header included
 *   holder.stateWrites       // values the reader wrote to State (0x01 start, 0x02 end, §8.3.3.1.1.5)
 *   holder.errors            // what the reader did wrong (bad chunk headers, writes before START…)
 *   await holder.ended       // resolves when the reader writes END or the link drops
 *   await holder.sendChunks([...])     // raw Server2Client notifications (e.g. a malformed chunk)
 *   await holder.notifyState(0x02)     // the holder ends the session
 *   await holder.dropConnection()      // the link drops now; the phone can be chosen again (a new address)
 *   await holder.stop()                // turns the emulation off (call in the test's cleanup)
 *
 * Call it after page.goto or before: the page hook is installed in the current document and in
 * every later one.
 *
 * Two things Chromium's emulation (v156) cannot do, and how this harness stands in:
 * - The peripheral cannot send a notification: BluetoothEmulation has no command for it. Web
 *   Bluetooth fires `characteristicvaluechanged` after every successful `readValue()` too (Web
 *   Bluetooth §5.6.4 readValue, step "fire an event named characteristicvaluechanged"), so to
 *   notify a chunk the harness calls `readValue()` on the page's own characteristic object and
 *   answers that read with the chunk: the page's listener receives a real event with the real
 *   value from Chromium's Bluetooth stack. The page's objects are found by a hook on
 *   `BluetoothRemoteGATTCharacteristic.prototype.startNotifications` that records each object it
 *   is called on (and changes nothing else). For those reads the emulated State and
 *   Server2Client characteristics also have the read property, which Table 11 does not give them;
 *   the reader under test never reads them.
 * - Web Bluetooth is off on Linux builds unless `--enable-blink-features=WebBluetooth`
 *   (WEB_BLUETOOTH_ARGS).
 *
 * IDENT: Table 11 (peripheral server mode) has no Ident characteristic; Ident (00000008) belongs
 * to the reader's service in central client mode (Table 12), and Multipaz's holder serves none in
 * this mode. The default is therefore no Ident, like a real wallet; `ident` adds one for tests of
 * a reader that checks it when offered.
 */
import type { CDPSession, Page } from '@playwright/test';

export const WEB_BLUETOOTH_ARGS = ['--enable-blink-features=WebBluetooth'];

// ISO/IEC 18013-5 §8.3.3.1.1.4 Table 11 (mdoc service), and Ident from Table 12.
const STATE = '00000001-a123-48ce-896b-4c76973373e6';
const CLIENT2SERVER = '00000002-a123-48ce-896b-4c76973373e6';
const SERVER2CLIENT = '00000003-a123-48ce-896b-4c76973373e6';
const IDENT = '00000008-a123-48ce-896b-4c76973373e6';
/** Client Characteristic Configuration (Bluetooth Core Vol 3 Part G §3.3.3.3): Chromium refuses startNotifications without it. */
const CCCD = '00002902-0000-1000-8000-00805f9b34fb';
/** ATT error codes (Bluetooth Core Vol 3 Part F §3.4.1.1); 0 = success. */
const GATT_SUCCESS = 0;
const STATE_START = 0x01;
const STATE_END = 0x02;
/** A common negotiated ATT MTU on phones (185, iOS) less the 3-byte ATT header. */
const DEFAULT_NOTIFY_CHUNK_BYTES = 182;
/** Beyond any real reply (the reader's own cap is 1 MiB): stops a runaway reader test rather than the machine. */
const MAX_MESSAGE_BYTES = 1 << 20;

export interface EmulatedMdocPeripheralOptions {
  /** The service UUID the engagement's BLE option 10 gives (lower-case 8-4-4-4-12). */
  serviceUuid: string;
  /** The holder's logic: each whole message from the reader; the reply is sent back in chunks. */
  onMessage: (message: Uint8Array) => Promise<Uint8Array | undefined>;
  /** Serve an Ident characteristic with this value (not in Table 11; see IDENT above). */
  ident?: Uint8Array;
  /** Chunk size of the replies, header byte included. */
  notifyChunkBytes?: number;
  /** Drop the connection after sending this many chunks of the first reply (a link lost mid-message). */
  dropAfterReplyChunks?: number;
  /** 'cancel': the device chooser is closed without a choice (requestDevice rejects with NotFoundError). */
  chooser?: 'select' | 'cancel';
  /** The checker's Bluetooth: 'absent' makes requestDevice reject ("Bluetooth adapter not available."). */
  adapter?: 'powered-on' | 'absent';
  /** The emulated device's address and name (the chooser shows the name). */
  address?: string;
  name?: string;
}

export interface EmulatedMdocPeripheral {
  readonly messages: Uint8Array[];
  readonly chunkSizes: number[];
  readonly stateWrites: number[];
  readonly errors: string[];
  /** Resolves at the first of: the reader writes END (0x02) to State, or the connection drops. */
  readonly ended: Promise<'end' | 'disconnected'>;
  sendChunks(chunks: Uint8Array[]): Promise<void>;
  notifyState(value: number): Promise<void>;
  dropConnection(): Promise<void>;
  stop(): Promise<void>;
}

/** Records the page's characteristic objects, by UUID, when it subscribes to them (see the top of the file). */
function hookCharacteristics(): void {
  const w = window as unknown as { __emulatedMdoc?: Map<string, unknown> };
  if (w.__emulatedMdoc) return;
  const seen = new Map<string, unknown>();
  w.__emulatedMdoc = seen;
  const proto = (globalThis as unknown as { BluetoothRemoteGATTCharacteristic?: { prototype: { startNotifications(): Promise<unknown> } } })
    .BluetoothRemoteGATTCharacteristic?.prototype;
  if (!proto) return;
  const original = proto.startNotifications;
  proto.startNotifications = function startNotifications(this: { uuid: string }) {
    seen.set(this.uuid, this);
    return original.call(this);
  };
}

/** Makes the page's characteristic fire `characteristicvaluechanged` with the value the harness answers its read with. */
async function deliverThroughRead(page: Page, uuid: string): Promise<void> {
  await page.evaluate(async (wanted) => {
    const characteristic = (window as unknown as { __emulatedMdoc?: Map<string, { readValue(): Promise<unknown> }> }).__emulatedMdoc?.get(wanted);
    if (!characteristic) throw new Error(`The page has not subscribed to ${wanted}`);
    await characteristic.readValue();
  }, uuid);
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export async function startEmulatedMdocPeripheral(page: Page, options: EmulatedMdocPeripheralOptions): Promise<EmulatedMdocPeripheral> {
  // Upper case: Chromium's chooser does not list an emulated peripheral whose address is in lower case.
  const firstAddress = (options.address ?? '5A:7C:11:18:01:35').toUpperCase();
  let appearances = 0;
  const chunkBytes = options.notifyChunkBytes ?? DEFAULT_NOTIFY_CHUNK_BYTES;
  if (chunkBytes < 2) throw new RangeError('A chunk needs a header byte and at least one byte of message');
  const browser = page.context().browser();
  if (!browser) throw new Error('The emulated peripheral needs a launched browser (not a persistent context)');

  await page.context().addInitScript(hookCharacteristics);
  await page.evaluate(hookCharacteristics).catch(() => undefined); // about:blank before goto: the init script covers it

  const bt: CDPSession = await browser.newBrowserCDPSession();
  const pageSession: CDPSession = await page.context().newCDPSession(page);

  const messages: Uint8Array[] = [];
  const chunkSizes: number[] = [];
  const stateWrites: number[] = [];
  const errors: string[] = [];
  let endedWith: (how: 'end' | 'disconnected') => void = () => undefined;
  const ended = new Promise<'end' | 'disconnected'>((resolve) => (endedWith = resolve));
  let connected = false;
  let started = false;
  let replies = 0;
  let incoming: Buffer[] = [];
  let incomingBytes = 0;
  /** Chunks waiting for the page's read (see deliverThroughRead), per characteristic id. */
  const pendingReads = new Map<string, Uint8Array[]>();
  /** CDP events are handled one after the other, in order (writes must be joined in order). */
  let queue = Promise.resolve();
  const inOrder = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => void errors.push(String(error)));
  };

  let address = firstAddress;
  let stateId = '';
  let client2ServerId = '';
  let server2ClientId = '';
  let identId: string | undefined;

  /**
   * The holder's phone, ready to be chosen: a peripheral already connected to the system (the
   * chooser lists those) serving the Table 11 service. After a dropped link Chromium no longer
   * lists the old one (and its simulateAdvertisement does not answer while a chooser scans), so
   * the phone appears again under a new address, as a phone with a random private address does.
   */
  const appear = async () => {
    const lastByte = (parseInt(firstAddress.slice(15), 16) + appearances++) & 0xff;
    address = `${firstAddress.slice(0, 15)}${lastByte.toString(16).padStart(2, '0').toUpperCase()}`;
    await bt.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
      address,
      name: options.name ?? 'Holder phone',
      manufacturerData: [],
      knownServiceUuids: [options.serviceUuid],
    });
    const { serviceId } = await bt.send('BluetoothEmulation.addService', { address, serviceUuid: options.serviceUuid });
    const add = async (uuid: string, properties: Record<string, boolean>, notifies: boolean) => {
      const { characteristicId } = await bt.send('BluetoothEmulation.addCharacteristic', { serviceId, characteristicUuid: uuid, properties });
      if (notifies) await bt.send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: CCCD });
      return characteristicId;
    };
    stateId = await add(STATE, { notify: true, writeWithoutResponse: true, read: true }, true);
    client2ServerId = await add(CLIENT2SERVER, { writeWithoutResponse: true }, false);
    server2ClientId = await add(SERVER2CLIENT, { notify: true, read: true }, true);
    identId = options.ident ? await add(IDENT, { read: true }, false) : undefined;
  };

  await bt.send('BluetoothEmulation.enable', { state: options.adapter ?? 'powered-on', leSupported: true });
  await appear();

  const notify = async (characteristicId: string, uuid: string, chunks: Uint8Array[]) => {
    for (const chunk of chunks) {
      const waiting = pendingReads.get(characteristicId) ?? [];
      waiting.push(chunk);
      pendingReads.set(characteristicId, waiting);
      await deliverThroughRead(page, uuid);
    }
  };

  const split = (message: Uint8Array): Uint8Array[] => {
    const chunks: Uint8Array[] = [];
    const payload = chunkBytes - 1;
    for (let offset = 0; offset < message.byteLength; offset += payload) {
      const part = message.subarray(offset, offset + payload);
      chunks.push(Uint8Array.of(offset + payload >= message.byteLength ? 0x00 : 0x01, ...part));
    }
    return chunks;
  };

  const dropConnection = async () => {
    if (!connected) return;
    connected = false;
    // A reader that connects again starts afresh: nothing half-received or waiting is carried over.
    incoming = [];
    incomingBytes = 0;
    pendingReads.clear();
    started = false;
    await bt.send('BluetoothEmulation.simulateGATTDisconnection', { address });
    endedWith('disconnected');
    await appear();
  };

  const reply = async (message: Uint8Array) => {
    const chunks = split(message);
    const dropAfter = replies++ === 0 ? options.dropAfterReplyChunks : undefined;
    if (dropAfter === undefined) return notify(server2ClientId, SERVER2CLIENT, chunks);
    await notify(server2ClientId, SERVER2CLIENT, chunks.slice(0, dropAfter));
    await dropConnection();
  };

  // §8.3.3.1.1.6: 0x01 = more chunks follow, 0x00 = last chunk of the message.
  const onClient2Server = async (chunk: Buffer) => {
    chunkSizes.push(chunk.length);
    if (!started) errors.push('Client2Server written before the reader wrote START (0x01) to State');
    const header = chunk[0];
    if (chunk.length < 2 || (header !== 0x00 && header !== 0x01)) {
      errors.push(`A Client2Server chunk with header ${header === undefined ? 'none' : `0x${header.toString(16)}`} and ${chunk.length} byte(s)`);
      return;
    }
    incoming.push(chunk.subarray(1));
    incomingBytes += chunk.length - 1;
    if (incomingBytes > MAX_MESSAGE_BYTES) throw new Error('The reader sent a message over 1 MiB');
    if (header === 0x01) return;
    const message = new Uint8Array(Buffer.concat(incoming));
    incoming = [];
    incomingBytes = 0;
    messages.push(message);
    const answer = await options.onMessage(message);
    if (answer && connected) await reply(answer);
  };

  bt.on('BluetoothEmulation.gattOperationReceived', (event) =>
    inOrder(async () => {
      if (event.type === 'connection') connected = true;
      await bt.send('BluetoothEmulation.simulateGATTOperationResponse', { address, type: event.type, code: GATT_SUCCESS });
    }));

  bt.on('BluetoothEmulation.characteristicOperationReceived', (event) => {
    const { characteristicId, type } = event;
    const respond = (data?: Uint8Array) =>
      bt.send('BluetoothEmulation.simulateCharacteristicOperationResponse', { characteristicId, type, code: GATT_SUCCESS, ...(data ? { data: b64(data) } : {}) });
    // A read is answered at once, outside the queue: the harness's own notify (queued) is waiting for it.
    if (type === 'read') {
      if (characteristicId === identId && options.ident) void respond(options.ident);
      else {
        const chunk = pendingReads.get(characteristicId)?.shift();
        if (chunk) void respond(chunk);
        else errors.push(`The reader read ${characteristicId === stateId ? 'State' : characteristicId}, which a holder does not serve for reading`);
      }
      return;
    }
    inOrder(async () => {
      if (type === 'subscribe-to-notifications' || type === 'unsubscribe-from-notifications') {
        await respond();
        return;
      }
      if (type !== 'write') return;
      const data = Buffer.from(event.data ?? '', 'base64');
      if (event.writeType !== 'write-without-response') errors.push(`A ${event.writeType} write (Table 11 characteristics take write without response)`);
      if (characteristicId === stateId) {
        const value = data[0] ?? -1;
        stateWrites.push(value);
        if (data.length !== 1) errors.push(`A State write of ${data.length} bytes (one byte: 0x01 or 0x02)`);
        if (value === STATE_START) started = true;
        if (value === STATE_END) endedWith('end');
      } else if (characteristicId === client2ServerId) {
        await onClient2Server(data);
      } else {
        errors.push(`A write to ${characteristicId}, which takes none`);
      }
    });
  });

  // The chooser (requestDevice from a click) is prompted on the page's session, sometimes twice
  // with the same id as devices are found; selecting twice crashes the browser, so answer once.
  const answered = new Set<string>();
  await pageSession.send('DeviceAccess.enable');
  pageSession.on('DeviceAccess.deviceRequestPrompted', (event) => {
    if (answered.has(event.id)) return;
    if (options.chooser === 'cancel') {
      answered.add(event.id);
      void pageSession.send('DeviceAccess.cancelPrompt', { id: event.id }).catch((error: unknown) => void errors.push(String(error)));
      return;
    }
    const device = event.devices.find((d) => d.id.toUpperCase() === address);
    if (!device) return; // not listed yet: a later prompt event lists it
    answered.add(event.id);
    void pageSession.send('DeviceAccess.selectPrompt', { id: event.id, deviceId: device.id }).catch((error: unknown) => void errors.push(String(error)));
  });

  return {
    messages,
    chunkSizes,
    stateWrites,
    errors,
    ended,
    sendChunks: async (chunks) => {
      await queue;
      await notify(server2ClientId, SERVER2CLIENT, chunks);
    },
    notifyState: async (value) => {
      await queue;
      await notify(stateId, STATE, [Uint8Array.of(value)]);
    },
    dropConnection: async () => {
      await queue;
      await dropConnection();
    },
    stop: async () => {
      await bt.send('BluetoothEmulation.disable').catch(() => undefined);
      await bt.detach().catch(() => undefined);
      await pageSession.detach().catch(() => undefined);
    },
  };
}
