/**
 * The part of Web Bluetooth (W3C Community Group draft) the reader uses, as plain types: the DOM
 * library TypeScript ships has none, and a module of types (rather than @types/web-bluetooth's
 * globals) keeps `navigator.bluetooth` from looking present to code that must feature-detect it.
 */

export interface BluetoothLike {
  requestDevice(options: { filters: { services: string[] }[]; optionalServices?: string[] }): Promise<BluetoothDeviceLike>;
}

export interface BluetoothDeviceLike extends EventTarget {
  readonly id: string;
  readonly name?: string;
  readonly gatt?: BluetoothRemoteGATTServerLike;
}

export interface BluetoothRemoteGATTServerLike {
  readonly connected: boolean;
  connect(): Promise<BluetoothRemoteGATTServerLike>;
  disconnect(): void;
  getPrimaryService(service: string): Promise<BluetoothRemoteGATTServiceLike>;
}

export interface BluetoothRemoteGATTServiceLike {
  getCharacteristic(characteristic: string): Promise<BluetoothRemoteGATTCharacteristicLike>;
}

export interface BluetoothRemoteGATTCharacteristicLike extends EventTarget {
  readonly uuid: string;
  readonly value?: DataView | null;
  readValue(): Promise<DataView>;
  writeValueWithoutResponse(value: BufferSource): Promise<void>;
  startNotifications(): Promise<BluetoothRemoteGATTCharacteristicLike>;
  stopNotifications(): Promise<BluetoothRemoteGATTCharacteristicLike>;
}

/** `navigator.bluetooth`, or undefined where the browser has no Web Bluetooth (iOS, Firefox, Chromium on Linux without the flag). */
export function browserBluetooth(): BluetoothLike | undefined {
  return (globalThis.navigator as { bluetooth?: BluetoothLike } | undefined)?.bluetooth;
}
