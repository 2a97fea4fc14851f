/**
 * Shared by the emulator's tests (node:test): a started emulator on free ports and small HTTP helpers.
 */
import { after, beforeEach } from 'node:test';
import sharp from 'sharp';
import { startEmulator } from './server.mjs';

/**
 * @param {import('./server.mjs').EmulatorOptions} [options]
 * @returns {Promise<import('./server.mjs').Emulator>}
 */
export function startTestEmulator(options = {}) {
  return startEmulator({ sitePort: 0, mySitePort: 0, graphPort: 0, quiet: true, ...options });
}

/**
 * One emulator for a test file: started now, reset before each test, closed when the file's tests are done.
 * @param {import('./server.mjs').EmulatorOptions} [options]
 */
export async function emulatorForFile(options = {}) {
  const emu = await startTestEmulator(options);
  after(() => emu.close());
  beforeEach(() => emu.reset());
  return { emu, client: clientFor(emu) };
}

/**
 * @param {import('./server.mjs').Emulator} emu
 */
export function clientFor(emu) {
  /** @param {string} user @returns {Record<string, string>} */
  const cookie = (user) => ({ cookie: `emulator-user=${user}` });
  return {
    cookie,
    /**
     * A request to the SharePoint site as a signed-in user.
     * @param {string} user
     * @param {string} path
     * @param {RequestInit & { headers?: Record<string, string> }} [init]
     */
    site(user, path, init = {}) {
      return fetch(`${emu.siteUrl}${path}`, { ...init, headers: { accept: 'application/json;odata=nometadata', ...cookie(user), ...init.headers } });
    },
    /** @param {string} user @returns {Promise<string>} a fresh FormDigestValue */
    async digest(user) {
      const res = await fetch(`${emu.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json;odata=nometadata', ...cookie(user) } });
      return (await res.json()).FormDigestValue;
    },
    /**
     * Uploads a picture the way pnpjs does: raw bytes labelled application/json.
     * @param {string} user
     * @param {Buffer | Uint8Array} body
     * @param {Record<string, string>} [headers]
     */
    async upload(user, body, headers = {}) {
      return this.site(user, '/_api/SP.UserProfiles.PeopleManager/SetMyProfilePicture', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json;charset=utf-8', 'x-requestdigest': await this.digest(user), ...headers },
      });
    },
    /** @param {string} user @returns {Promise<string>} */
    async token(user) {
      return (await (await fetch(`${emu.siteUrl}/_emulator/token?user=${user}`)).json()).access_token;
    },
    /**
     * @param {string} token
     * @param {string} path under the Graph origin, e.g. `/v1.0/me/photo`
     * @param {RequestInit & { headers?: Record<string, string> }} [init]
     */
    graph(token, path, init = {}) {
      return fetch(`${emu.graphUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
    },
    /**
     * @param {string} path under `/_emulator`
     * @param {unknown} [json] sent as a POST body when given
     */
    control(path, json) {
      return json === undefined
        ? fetch(`${emu.siteUrl}/_emulator${path}`)
        : fetch(`${emu.siteUrl}/_emulator${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
    },
    /** @param {string} user */
    async state(user) {
      return (await fetch(`${emu.siteUrl}/_emulator/state?user=${user}`)).json();
    },
  };
}

/**
 * @param {Response} res
 * @returns {Promise<Buffer>}
 */
export async function bytesOf(res) {
  return Buffer.from(await res.arrayBuffer());
}

/**
 * @param {Buffer} image
 * @returns {Promise<number[]>} mean red, green, blue
 */
export async function meanColour(image) {
  const { channels } = await sharp(image).stats();
  return channels.slice(0, 3).map((c) => c.mean);
}

/**
 * @param {number[]} a
 * @param {number[]} b
 * @returns {number} Euclidean distance in RGB
 */
export function colourDistance(a, b) {
  return Math.hypot(...a.map((v, i) => v - b[i]));
}

/**
 * @param {Buffer} image
 * @returns {Promise<{ width: number | undefined, height: number | undefined, format: string | undefined }>}
 */
export async function imageInfo(image) {
  const { width, height, format } = await sharp(image).metadata();
  return { width, height, format };
}
