import '@testing-library/jest-dom';
import { Blob as NodeBlob } from 'buffer';
import { deserialize, serialize } from 'v8';
import { TextDecoder as NodeTextDecoder } from 'util';

// jest 29's node environment does not expose Node's Blob; services and the controller work with Blobs.
if (typeof globalThis.Blob === 'undefined') {
  (globalThis as unknown as { Blob: typeof NodeBlob }).Blob = NodeBlob;
}

// Nor AbortController, with which requests the web part stops waiting for are aborted (browsers have it).
if (typeof globalThis.AbortController === 'undefined') {
  class TestAbortSignal {
    public aborted: boolean = false;
    private readonly _listeners: Array<() => void> = [];
    public addEventListener(type: string, listener: () => void): void {
      this._listeners.push(listener);
    }
    public removeEventListener(): void {
      // Not needed by the code under test.
    }
    public fire(): void {
      this.aborted = true;
      this._listeners.forEach((listener) => listener());
    }
  }
  class TestAbortController {
    public readonly signal: TestAbortSignal = new TestAbortSignal();
    public abort(): void {
      this.signal.fire();
    }
  }
  (globalThis as unknown as { AbortController: typeof TestAbortController }).AbortController = TestAbortController;
}

// Nor TextDecoder and atob, with which the Graph service reads its token's claims (browsers have both).
if (typeof globalThis.TextDecoder === 'undefined') {
  (globalThis as unknown as { TextDecoder: typeof NodeTextDecoder }).TextDecoder = NodeTextDecoder;
}
if (typeof globalThis.atob === 'undefined') {
  globalThis.atob = (data: string): string => Buffer.from(data, 'base64').toString('latin1');
}

// Nor structuredClone, which sharp's clone() uses.
if (typeof globalThis.structuredClone === 'undefined') {
  globalThis.structuredClone = <T>(value: T): T => deserialize(serialize(value));
}

// jsdom has no object URLs; components only need a stable, unique string per Blob.
if (typeof URL.createObjectURL !== 'function') {
  let next: number = 0;
  URL.createObjectURL = () => `blob:test/${++next}`;
  URL.revokeObjectURL = () => undefined;
}
