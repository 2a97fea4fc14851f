/**
 * Graph access tokens for the emulator: JWT-shaped (header.payload.signature) and HMAC-signed with a secret made at
 * start-up, so Graph can check them without keeping a list, and they survive `/_emulator/reset`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Seconds a token lives, like Entra ID's default access-token lifetime. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Whom a Graph token is for. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** The only delegated scope the web part requests (docs/dev/platform-facts.md#consent-and-webapipermissionrequests). */
export const USER_READ = 'User.Read';

/** @typedef {{ oid: string, sub: string, upn: string, scp: string, aud: string, iat: number, exp: number }} TokenClaims */

export class TokenIssuer {
  #secret = randomBytes(32);

  /**
   * @param {{ id: string, upn: string, objectId: string }} user
   * @param {string} scope space-separated scopes; empty for a token minted without the user's consent
   * @param {string} [audience] the resource the token is for: Graph, or a SharePoint origin (Teams single sign-on)
   * @returns {string}
   */
  issue(user, scope, audience = GRAPH_AUDIENCE) {
    const iat = Math.floor(Date.now() / 1000);
    /** @type {TokenClaims} */
    const claims = { aud: audience, oid: user.objectId, sub: user.id, upn: user.upn, scp: scope, iat, exp: iat + TOKEN_LIFETIME_SECONDS };
    const unsigned = `${encode({ typ: 'JWT', alg: 'HS256' })}.${encode(claims)}`;
    return `${unsigned}.${this.#sign(unsigned)}`;
  }

  /**
   * @param {string} token
   * @returns {TokenClaims | undefined} the claims of a well-signed, unexpired token
   */
  verify(token) {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const expected = Buffer.from(this.#sign(`${parts[0]}.${parts[1]}`));
    const actual = Buffer.from(parts[2]);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
    /** @type {TokenClaims} */
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return claims.exp > Date.now() / 1000 ? claims : undefined;
  }

  /** @param {string} text @returns {string} */
  #sign(text) {
    return createHmac('sha256', this.#secret).update(text).digest('base64url');
  }
}

/** @param {object} value @returns {string} */
function encode(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
