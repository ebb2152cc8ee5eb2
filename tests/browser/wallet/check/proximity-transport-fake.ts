/**
 * An MdocTransport for the checker's proximity tests (ISO/IEC 18013-5 reader): whole messages
 * handed to a holder function, its answers queued for receive(), with the transport failures the
 * Bluetooth one reports (chooser closed, link dropped) on demand. What the reader sent and whether
 * it closed are recorded for the tests to check.
 */
import { TransportError, type MdocTransport } from '../../../../src/protocols/iso18013-5/transport';

export interface FakeTransportOptions {
  /** Fails connect() (e.g. 'cancelled': the person closed the device chooser). */
  connectFails?: TransportError['code'];
  /** Fails receive() (e.g. 'malformed': chunks out of order or too large). */
  receiveFails?: TransportError['code'];
  /** Drops the link once the reader has sent this many messages, before any answer. */
  dropAfterSends?: number;
  /** Changes the holder's answer before the reader receives it. */
  alterAnswer?: (answer: Uint8Array) => Uint8Array;
}

export class FakeHolderTransport implements MdocTransport {
  readonly sent: Uint8Array[] = [];
  connected = false;
  closed = false;
  private readonly answers: Uint8Array[] = [];
  private waiting: { resolve: (m: Uint8Array) => void; reject: (e: unknown) => void } | undefined;
  private dropped = false;

  constructor(
    private readonly holder: (message: Uint8Array) => Promise<Uint8Array | undefined>,
    private readonly options: FakeTransportOptions = {},
  ) {}

  async connect(): Promise<void> {
    if (this.options.connectFails) throw new TransportError(this.options.connectFails, `fake: ${this.options.connectFails}`);
    this.connected = true;
  }

  async send(message: Uint8Array): Promise<void> {
    if (!this.connected || this.closed) throw new TransportError('connection-lost', 'fake: not connected');
    this.sent.push(message);
    if (this.options.dropAfterSends !== undefined && this.sent.length >= this.options.dropAfterSends) {
      this.drop();
      return;
    }
    const answer = await this.holder(message);
    if (answer === undefined) return;
    const altered = this.options.alterAnswer ? this.options.alterAnswer(answer) : answer;
    if (this.waiting) {
      this.waiting.resolve(altered);
      this.waiting = undefined;
    } else this.answers.push(altered);
  }

  receive(): Promise<Uint8Array> {
    if (this.options.receiveFails) return Promise.reject(new TransportError(this.options.receiveFails, `fake: ${this.options.receiveFails}`));
    const next = this.answers.shift();
    if (next) return Promise.resolve(next);
    if (this.dropped || this.closed) return Promise.reject(new TransportError('connection-lost', 'fake: the link dropped'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** The link drops: a pending receive fails at once (no hang). */
  drop(): void {
    this.dropped = true;
    this.waiting?.reject(new TransportError('connection-lost', 'fake: the link dropped'));
    this.waiting = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.drop();
  }
}
