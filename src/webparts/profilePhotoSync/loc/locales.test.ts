/** @jest-environment node */
import { readFileSync } from 'fs';
import { join } from 'path';
import { LOC_DIR, LOCALES, loadStrings, shippedLocales } from '../../../../test/support/loadStrings';

/** The keys the TypeScript declaration promises, read from mystrings.d.ts. */
function declaredKeys(): string[] {
  const declaration: string = readFileSync(join(LOC_DIR, 'mystrings.d.ts'), 'utf8');
  const body: string = declaration.slice(declaration.indexOf('{') + 1, declaration.indexOf('}'));
  return (body.match(/^\s*(\w+)\s*:/gm) || []).map((line) => line.replace(/[\s:]/g, '')).sort();
}

describe('localized strings', () => {
  it('ships the five languages of the product', () => {
    expect(shippedLocales()).toEqual([...LOCALES].sort());
  });

  it.each([...LOCALES])('%s has every declared key, each a non-empty string', (locale) => {
    const strings: Record<string, unknown> = loadStrings(locale) as unknown as Record<string, unknown>;
    const missing: string[] = declaredKeys().filter((key) => typeof strings[key] !== 'string' || (strings[key] as string).trim() === '');
    const extra: string[] = Object.keys(strings).filter((key) => declaredKeys().indexOf(key) < 0);
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES.filter((l) => l !== 'en-us'))('%s keeps every {0} placeholder and is translated', (locale) => {
    const english: Record<string, string> = loadStrings('en-us') as unknown as Record<string, string>;
    const translated: Record<string, string> = loadStrings(locale) as unknown as Record<string, string>;
    const placeholders = (text: string): string[] => (text.match(/\{\d+\}/g) || []).sort();
    for (const key of Object.keys(english)) {
      expect([key, placeholders(translated[key])]).toEqual([key, placeholders(english[key])]);
    }
    // No key is left in English by accident: every string differs from the English one.
    const untranslated: string[] = Object.keys(english).filter((key) => english[key] === translated[key]);
    expect(untranslated).toEqual([]);
  });
});
