/**
 * Who is signed in on the SharePoint origins. The real service uses its auth cookies; the emulator uses one cookie,
 * `emulator-user=<id>`. Cookies on localhost are shared across ports, so the site and the My Site host both see it.
 */

const USER_COOKIE = 'emulator-user';

/**
 * @param {import('./state.mjs').EmulatorState} state
 * @param {import('express').Request} req
 * @returns {import('./state.mjs').UserState | undefined}
 */
export function signedInUser(state, req) {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === USER_COOKIE) {
      return state.users.get(decodeURIComponent(part.slice(separator + 1).trim()));
    }
  }
  return undefined;
}
