import '@testing-library/jest-dom';
import { Blob as NodeBlob } from 'buffer';
import { deserialize, serialize } from 'v8';

// jest 29's node environment does not expose Node's Blob; services and the controller work with Blobs.
if (typeof globalThis.Blob === 'undefined') {
  (globalThis as unknown as { Blob: typeof NodeBlob }).Blob = NodeBlob;
}

// Nor FileReader, which pnpjs's setMyProfilePic reads the picture with (browsers have it).
if (typeof globalThis.FileReader === 'undefined') {
  class BlobReader {
    public result: ArrayBuffer | undefined;
    public onload: ((event: { target: BlobReader }) => void) | undefined;
    public onerror: ((error: unknown) => void) | undefined;
    public readAsArrayBuffer(blob: Blob): void {
      blob.arrayBuffer().then((buffer) => {
        this.result = buffer;
        this.onload?.({ target: this });
      }, (error) => this.onerror?.(error));
    }
  }
  (globalThis as unknown as { FileReader: typeof BlobReader }).FileReader = BlobReader;
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
