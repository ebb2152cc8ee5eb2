/**
 * The reader's side of ISO/IEC 18013-5 BLE data retrieval in "mdoc peripheral server mode"
 * (§8.3.3.1.1), over Web Bluetooth: the holder's phone is the GATT server advertising the service
 * UUID its engagement gives (option 10); this page is the GATT client (Web Bluetooth can only be a
 * central, so central client mode, option 11, is out of reach). Loaded by dynamic import only when
 * a proximity check starts.
 *
 * connect(): the browser's device chooser (needs a click), GATT connect, the service, Ident when
 * the holder offers it, notifications on Server2Client and State, then START (0x01) on State
 * (§8.3.3.1.1.5). send()/receive(): whole messages in chunks (chunks.ts). close(): END (0x02) on
 * State and disconnect. No hang: a dropped link rejects a pending receive at once, and a holder
 * silent for INACTIVITY_LIMIT_MS ends it too.
 */
import { bytesEqual } from '../../../lib/bytes';
import type { DeviceEngagement } from '../engagement';
import { TransportError, type MdocTransport } from '../transport';
import { ChunkError, MessageAssembler, splitMessage } from './chunks';
import { CLIENT2SERVER_UUID, IDENT_UUID, SERVER2CLIENT_UUID, STATE_END, STATE_START, STATE_UUID } from './gatt';
import { bleIdent } from './ident';
import {
  browserBluetooth, type BluetoothDeviceLike, type BluetoothLike, type BluetoothRemoteGATTCharacteristicLike, type BluetoothRemoteGATTServerLike,
  type BluetoothRemoteGATTServiceLike,
} from './web-bluetooth-types';

/**
 * How long the holder's phone may send nothing while the reader waits: generous, because the
 * person holding it reads the request, decides, and may unlock a key with a PIN or a fingerprint
 * before the answer goes. A link that drops is noticed at once; this only ends a silent session.
 */
export const INACTIVITY_LIMIT_MS = 180_000;
/** Whole messages received and not yet asked for: a holder answers one request with one message (§8.3.3.1.1.6). */
const MAX_QUEUED_MESSAGES = 4;

export interface WebBluetoothTransportOptions {
  /** Defaults to `navigator.bluetooth`; the browser tests give a fake. */
  bluetooth?: BluetoothLike;
  inactivityLimitMs?: number;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');
const reason = (error: unknown) => (error instanceof Error && error.message ? error.message : String(error));

export function webBluetoothTransport(engagement: DeviceEngagement, options: WebBluetoothTransportOptions = {}): MdocTransport {
  const inactivityLimitMs = options.inactivityLimitMs ?? INACTIVITY_LIMIT_MS;
  const assembler = new MessageAssembler();
  const queued: Uint8Array[] = [];
  let device: BluetoothDeviceLike | undefined;
  let server: BluetoothRemoteGATTServerLike | undefined;
  let state: BluetoothRemoteGATTCharacteristicLike | undefined;
  let toHolder: BluetoothRemoteGATTCharacteristicLike | undefined;
  let fromHolder: BluetoothRemoteGATTCharacteristicLike | undefined;
  /** Set once the session can carry no more: every later receive() throws it (after the queued messages). */
  let ended: TransportError | undefined;
  let closed = false;
  let pending: { resolve(message: Uint8Array): void; reject(error: TransportError): void } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const startTimer = () => {
    stopTimer();
    timer = setTimeout(
      () => end(new TransportError('connection-lost', `The holder's phone sent nothing for ${inactivityLimitMs / 1000} s`)),
      inactivityLimitMs,
    );
  };

  function end(error: TransportError): void {
    ended ??= error;
    stopTimer();
    const waiting = pending;
    pending = undefined;
    waiting?.reject(ended);
  }

  function deliver(message: Uint8Array): void {
    if (pending) {
      const waiting = pending;
      pending = undefined;
      stopTimer();
      waiting.resolve(message);
    } else if (queued.length >= MAX_QUEUED_MESSAGES) {
      end(new TransportError('malformed', `The holder's phone sent more than ${MAX_QUEUED_MESSAGES} messages unasked`));
    } else {
      queued.push(message);
    }
  }

  const onChunk = (event: Event) => {
    if (ended) return;
    const view = (event.target as BluetoothRemoteGATTCharacteristicLike).value;
    const chunk = view ? new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength)) : new Uint8Array(0);
    try {
      const message = assembler.push(chunk);
      if (message) deliver(message);
      else if (pending) startTimer(); // a chunk is a sign of life: the limit counts from the last one
    } catch (error) {
      if (!(error instanceof ChunkError)) throw error;
      end(new TransportError('malformed', `A Bluetooth chunk from the holder's phone broke the rules: ${error.message}`));
    }
  };

  // §8.3.3.1.1.5: the holder writes END (0x02) to State when it ends the session.
  const onState = (event: Event) => {
    const view = (event.target as BluetoothRemoteGATTCharacteristicLike).value;
    if (view && view.byteLength === 1 && view.getUint8(0) === STATE_END) {
      end(new TransportError('connection-lost', "The holder's phone ended the session"));
    }
  };

  const onDisconnected = () => {
    end(new TransportError('connection-lost', assembler.inProgress ? 'The Bluetooth connection dropped in the middle of a message' : 'The Bluetooth connection dropped'));
  };

  const detach = () => {
    fromHolder?.removeEventListener('characteristicvaluechanged', onChunk);
    state?.removeEventListener('characteristicvaluechanged', onState);
    device?.removeEventListener('gattserverdisconnected', onDisconnected);
  };

  async function characteristic(service: BluetoothRemoteGATTServiceLike, uuid: string, name: string) {
    try {
      return await service.getCharacteristic(uuid);
    } catch (error) {
      if (errorName(error) === 'NotFoundError') throw new TransportError('wrong-device', `The device has no ${name} characteristic (ISO/IEC 18013-5 Table 11): it is not serving an mdoc`);
      throw new TransportError('connection-lost', `Reading the device's ${name} characteristic failed: ${reason(error)}`);
    }
  }

  /** §8.3.3.1.1.4: when the holder offers Ident, it must be the one this engagement's key gives. */
  async function checkIdent(service: BluetoothRemoteGATTServiceLike): Promise<void> {
    let ident: BluetoothRemoteGATTCharacteristicLike;
    try {
      ident = await service.getCharacteristic(IDENT_UUID);
    } catch (error) {
      if (errorName(error) === 'NotFoundError') return; // Table 11 has none: the usual case
      throw new TransportError('connection-lost', `Reading the device's Ident characteristic failed: ${reason(error)}`);
    }
    let value: DataView;
    try {
      value = await ident.readValue();
    } catch (error) {
      throw new TransportError('connection-lost', `Reading the device's Ident failed: ${reason(error)}`);
    }
    const expected = await bleIdent(engagement.eDeviceKeyBytes);
    if (!bytesEqual(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), expected)) {
      throw new TransportError('wrong-device', 'The device chosen is not the phone that showed this QR code (its Ident does not match)');
    }
  }

  /** close() may come while connect() waits (the checker gave up): stop there, and connect() disconnects. */
  const stillWanted = () => {
    if (closed) throw new TransportError('connection-lost', 'The Bluetooth session was closed');
  };

  async function open(): Promise<void> {
    const bluetooth = options.bluetooth ?? browserBluetooth();
    if (!bluetooth) throw new TransportError('unavailable', 'This browser cannot use Bluetooth (no Web Bluetooth)');
    const serviceUuid = engagement.ble?.peripheralServerUuid;
    if (!serviceUuid) throw new TransportError('unavailable', "The holder's QR code offers no Bluetooth peripheral server mode, the only mode a browser can use");
    try {
      device = await bluetooth.requestDevice({ filters: [{ services: [serviceUuid] }] });
    } catch (error) {
      // Closing the chooser without a choice rejects with NotFoundError (Web Bluetooth requestDevice);
      // Chromium also uses NotFoundError when there is no adapter, Bluetooth is off or disabled by
      // policy ("Bluetooth adapter not available."): only its cancel message means the person chose.
      if (errorName(error) === 'NotFoundError' && /cancel/i.test(reason(error))) throw new TransportError('cancelled', 'No phone was chosen');
      throw new TransportError('unavailable', `Bluetooth could not be used: ${reason(error)}`);
    }
    stillWanted();
    if (!device.gatt) throw new TransportError('unavailable', 'The chosen device cannot be connected to (no GATT server)');
    device.addEventListener('gattserverdisconnected', onDisconnected);
    try {
      server = await device.gatt.connect();
    } catch (error) {
      throw new TransportError('connection-lost', `Connecting to the holder's phone failed: ${reason(error)}`);
    }
    stillWanted();
    let service: BluetoothRemoteGATTServiceLike;
    try {
      service = await server.getPrimaryService(serviceUuid);
    } catch (error) {
      if (errorName(error) === 'NotFoundError') throw new TransportError('wrong-device', "The chosen device does not serve the QR code's Bluetooth service");
      throw new TransportError('connection-lost', `Finding the holder's Bluetooth service failed: ${reason(error)}`);
    }
    stillWanted();
    await checkIdent(service);
    state = await characteristic(service, STATE_UUID, 'State');
    toHolder = await characteristic(service, CLIENT2SERVER_UUID, 'Client2Server');
    fromHolder = await characteristic(service, SERVER2CLIENT_UUID, 'Server2Client');
    stillWanted();
    fromHolder.addEventListener('characteristicvaluechanged', onChunk);
    state.addEventListener('characteristicvaluechanged', onState);
    try {
      await fromHolder.startNotifications();
      await state.startNotifications();
      stillWanted();
      // §8.3.3.1.1.5: START tells the holder the reader is subscribed and will send.
      await state.writeValueWithoutResponse(Uint8Array.of(STATE_START));
    } catch (error) {
      throw new TransportError('connection-lost', `Starting the Bluetooth session failed: ${reason(error)}`);
    }
  }

  const disconnect = () => {
    detach();
    try {
      if (server?.connected) server.disconnect();
    } catch {
      // Already gone: nothing to undo.
    }
  };

  return {
    async connect() {
      if (closed || device) throw new TransportError('connection-lost', 'This Bluetooth session has already been used');
      try {
        await open();
      } catch (error) {
        disconnect();
        end(error instanceof TransportError ? error : new TransportError('connection-lost', reason(error)));
        throw ended;
      }
    },

    async send(message) {
      if (ended) throw ended;
      if (!toHolder) throw new TransportError('connection-lost', 'Not connected');
      for (const chunk of splitMessage(message)) {
        try {
          // One write at a time: Web Bluetooth rejects a GATT operation while another is in progress.
          await toHolder.writeValueWithoutResponse(chunk as BufferSource);
        } catch (error) {
          end(new TransportError('connection-lost', `Sending to the holder's phone failed: ${reason(error)}`));
          throw ended;
        }
      }
    },

    receive() {
      const next = queued.shift();
      if (next) return Promise.resolve(next);
      if (ended) return Promise.reject(ended);
      if (pending) return Promise.reject(new TransportError('connection-lost', 'Already waiting for a message'));
      return new Promise<Uint8Array>((resolve, reject) => {
        pending = { resolve, reject };
        startTimer();
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      end(new TransportError('connection-lost', 'The Bluetooth session was closed'));
      try {
        if (state && server?.connected) await state.writeValueWithoutResponse(Uint8Array.of(STATE_END));
      } catch {
        // The link may already be gone; disconnecting below is all that is left to do.
      }
      disconnect();
    },
  };
}
