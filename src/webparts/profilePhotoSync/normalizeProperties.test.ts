import { readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_WEB_PART_PROPERTIES } from './IProfilePhotoSyncWebPartProps';
import { normalizeProperties } from './normalizeProperties';

describe('normalizeProperties', () => {
  it('keeps valid stored values', () => {
    const stored = { ...DEFAULT_WEB_PART_PROPERTIES, title: 'Photos', photoSize: 'large', sensitivity: 'strict', autoResync: true };
    expect(normalizeProperties(stored)).toEqual(stored);
  });

  it.each(['Standard', 'bogus', 'toString', '__proto__', 'constructor', 42, null])('falls back to the default for sensitivity and photo size %p', (value) => {
    const normalized = normalizeProperties({ sensitivity: value, photoSize: value });
    expect(normalized.sensitivity).toBe('standard');
    expect(normalized.photoSize).toBe('medium');
  });

  it('refuses values that come only from the prototype, and wrong types', () => {
    const stored = Object.create({ autoResync: true, title: 'inherited' });
    stored.checkOnLoad = 'false';
    stored.showResyncButton = 0;
    expect(normalizeProperties(stored)).toEqual(DEFAULT_WEB_PART_PROPERTIES);
    expect(normalizeProperties(JSON.parse('{"__proto__": {"autoResync": true}}')).autoResync).toBe(false);
    expect(normalizeProperties(undefined)).toEqual(DEFAULT_WEB_PART_PROPERTIES);
    expect(normalizeProperties('text')).toEqual(DEFAULT_WEB_PART_PROPERTIES);
  });

  it('cuts a title longer than 500 characters', () => {
    expect(normalizeProperties({ title: 'x'.repeat(8000) }).title).toHaveLength(500);
  });

  it('has the same defaults as the manifest SharePoint uses when the web part is added', () => {
    const file: string = join(__dirname, 'ProfilePhotoSyncWebPart.manifest.json');
    // The manifest is JSON with // comments on their own lines or after a value.
    const json: string = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '').replace(/,\s*\/\/[^\n"]*$/gm, ',').replace(/("[^"]*")\s*\/\/[^\n]*$/gm, '$1');
    const manifest = JSON.parse(json);
    expect(manifest.preconfiguredEntries[0].properties).toEqual(DEFAULT_WEB_PART_PROPERTIES);
  });
});
