/**
 * Who is signed in on the SharePoint origins. The real service uses its auth cookies; the emulator uses one cookie,
 * `emulator-user=<id>`. Cookies on localhost are shared across ports, so the site and the My Site host both see it.
 */

const USER_COOKIE = 'emulator-user';

/**
 * The user whose session cookie came with the request, unless that session has expired (`/_emulator/expire-session`):
 * an expired cookie signs nobody in, as on the real service.
 * @param {import('./state.mjs').EmulatorState} state
 * @param {import('express').Request} req
 * @returns {import('./state.mjs').UserState | undefined}
 */
export function signedInUser(state, req) {
  const user = cookieUser(state, req);
  return user && !state.expiredSessions.has(user.id) ? user : undefined;
}

/**
 * The user the session cookie names, expired or not.
 * @param {import('./state.mjs').EmulatorState} state
 * @param {import('express').Request} req
 * @returns {import('./state.mjs').UserState | undefined}
 */
export function cookieUser(state, req) {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === USER_COOKIE) {
      return state.users.get(decodeURIComponent(part.slice(separator + 1).trim()));
    }
  }
  return undefined;
}

/**
 * A fresh session cookie for the user, as SharePoint sets one after signing someone in.
 * @param {import('express').Response} res
 * @param {import('./state.mjs').UserState} user
 */
export function setSessionCookie(res, user) {
  res.cookie(USER_COOKIE, user.id, { path: '/', sameSite: 'lax', encode: encodeURIComponent });
}
