import { IKeyValueStorage } from '../../src/services/browserStorage/keyValueRecords';

/** Local storage in a Map, for the browser stores' tests. */
export class MapStorage implements IKeyValueStorage {
  public readonly items: Map<string, string> = new Map();
  public get length(): number { return this.items.size; }
  public key(index: number): string | null { return Array.from(this.items.keys())[index] ?? null; } // eslint-disable-line @rushstack/no-new-null
  public getItem(key: string): string | null { return this.items.has(key) ? this.items.get(key)! : null; } // eslint-disable-line @rushstack/no-new-null
  public setItem(key: string, value: string): void { this.items.set(key, value); }
  public removeItem(key: string): void { this.items.delete(key); }
}
