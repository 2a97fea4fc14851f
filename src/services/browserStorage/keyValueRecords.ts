/** The part of the Web Storage API the browser stores need (window.localStorage in SharePoint; a Map-backed fake in tests). */
export interface IKeyValueStorage {
  readonly length: number;
  key(index: number): string | null; // eslint-disable-line @rushstack/no-new-null
  getItem(key: string): string | null; // eslint-disable-line @rushstack/no-new-null
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * JSON records in local storage, read and written so that storage which is blocked (reading window.localStorage itself
 * throws there), full or malformed reads as nothing and never throws: the cost is at most one more check or upload.
 */
export function readRecord<T>(storage: () => IKeyValueStorage, key: string): Partial<T> | undefined {
  try {
    const raw: string | null = storage().getItem(key); // eslint-disable-line @rushstack/no-new-null
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    return typeof value === 'object' && value !== null ? value as Partial<T> : undefined;
  } catch {
    return undefined;
  }
}

export function writeRecord(storage: () => IKeyValueStorage, key: string, value: object): void {
  try {
    storage().setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: nothing is kept.
  }
}

export function removeRecord(storage: () => IKeyValueStorage, key: string): void {
  try {
    storage().removeItem(key);
  } catch {
    // Nothing to delete where nothing could be kept.
  }
}
