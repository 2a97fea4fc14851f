import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PHOTO_LINK_LIFETIME_SECONDS, PhotoLinkSigner } from './photoLinks.mjs';

const HOUR = 60 * 60 * 1000;

/** @param {string} link @returns {Record<string, string>} */
function queryOf(link) {
  return Object.fromEntries(new URL(link, 'http://site').searchParams);
}

describe('photo links', () => {
  it('opens a link until its base expires, hours later, and never after', () => {
    const signer = new PhotoLinkSigner();
    const start = Date.UTC(2026, 10, 23, 8);
    const query = queryOf(signer.link('a@contoso.example', 'L', start));
    assert.deepEqual(signer.open(query, start + 9 * HOUR), { accountName: 'a@contoso.example', size: 'L' });
    assert.equal(signer.open(query, start + PHOTO_LINK_LIFETIME_SECONDS * 1000), undefined);
  });

  it('hands out one base until it nears its end, then a new one, so no link dies in use', () => {
    const signer = new PhotoLinkSigner();
    const start = Date.UTC(2026, 10, 23, 8);
    const first = queryOf(signer.link('a@contoso.example', 'L', start))._oat_;
    assert.equal(queryOf(signer.link('b@contoso.example', 'S', start + 7 * HOUR))._oat_, first);
    assert.notEqual(queryOf(signer.link('a@contoso.example', 'L', start + 9 * HOUR))._oat_, first);
  });

  it('refuses a forged base and anything appended to it', () => {
    const signer = new PhotoLinkSigner();
    const query = queryOf(signer.link('a@contoso.example', 'M'));
    const [expiry, signature] = query._oat_.split('_');
    assert.equal(signer.open({ ...query, _oat_: `${Number(expiry) + 3600}_${signature}` }), undefined);
    assert.equal(signer.open({ ...query, _oat_: `${query._oat_}_x` }), undefined);
    assert.equal(signer.open({ ...query, _oat_: `${expiry}_${'0'.repeat(64)}` }), undefined);
  });
});
