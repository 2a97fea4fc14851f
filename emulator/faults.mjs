/**
 * Injected faults and latency, so tests and benchmarks can reproduce outages, throttling and slow networks on any of
 * the three origins. The control surface (`/_emulator/*`) is mounted before this middleware and is never affected.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** @typedef {'site'|'mysite'|'graph'} Origin */

/**
 * @typedef {object} Fault
 * @property {number} id
 * @property {Origin} origin
 * @property {string} path regular expression source, matched case-insensitively against path and query
 * @property {string | undefined} method
 * @property {number} remaining requests still to be answered by this fault
 * @property {number} status 0 = keep the normal answer (delay only)
 * @property {unknown} body JSON value, or a string sent as is
 * @property {Record<string, string>} headers
 * @property {number | undefined} retryAfter seconds, sent as `Retry-After`
 * @property {number} delayMs
 * @property {boolean} drop close the connection without an answer (what a browser reports as a failed fetch)
 * @property {string | undefined} user only requests made as this user (cookie on SharePoint, token on Graph)
 * @property {number} skip matching requests still to let through untouched before the fault starts
 */

const ORIGINS = new Set(['site', 'mysite', 'graph']);

/** A fault description the control surface refuses; the message is shown to the caller. */
export class InvalidFaultError extends Error {}

export class FaultList {
  /** @type {(Fault & { pattern: RegExp })[]} */
  #faults = [];
  #nextId = 1;

  /**
   * @param {any} spec the JSON posted to `/_emulator/faults`
   * @returns {number} the new fault's id
   * @throws {InvalidFaultError}
   */
  add(spec) {
    if (typeof spec !== 'object' || spec === null) throw new InvalidFaultError('Send a JSON object describing the fault.');
    const { origin, path, method, count = 1, status = 0, body, headers = {}, retryAfter, delayMs = 0, drop = false, user, skip = 0 } = spec;
    if (!ORIGINS.has(origin)) throw new InvalidFaultError(`"origin" must be one of ${[...ORIGINS].join(', ')}.`);
    if (typeof path !== 'string') throw new InvalidFaultError('"path" must be a regular expression, as a string.');
    /** @type {RegExp} */
    let pattern;
    try {
      pattern = new RegExp(path, 'i');
    } catch (error) {
      throw new InvalidFaultError(`"path" is not a valid regular expression: ${/** @type {Error} */ (error).message}`);
    }
    if (!Number.isInteger(count) || count < 1) throw new InvalidFaultError('"count" must be a positive integer.');
    if (!Number.isInteger(status) || (status !== 0 && (status < 100 || status > 599))) {
      throw new InvalidFaultError('"status" must be an HTTP status, or 0 to only delay.');
    }
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new InvalidFaultError('"delayMs" must be a number ≥ 0.');
    if (typeof drop !== 'boolean') throw new InvalidFaultError('"drop" must be true or false.');
    if (drop && status !== 0) throw new InvalidFaultError('A dropped connection has no "status".');
    if (status === 0 && delayMs === 0 && !drop) throw new InvalidFaultError('Give a "status", a "delayMs", "drop", or a combination.');
    if (user !== undefined && typeof user !== 'string') throw new InvalidFaultError('"user" must be a user id.');
    if (!Number.isInteger(skip) || skip < 0) throw new InvalidFaultError('"skip" must be an integer ≥ 0.');
    if (retryAfter !== undefined && !(Number.isFinite(retryAfter) && retryAfter >= 0)) {
      throw new InvalidFaultError('"retryAfter" must be a number of seconds.');
    }
    const id = this.#nextId++;
    this.#faults.push({
      id, origin, path, pattern, method: method?.toUpperCase(), remaining: count, status, body, headers, retryAfter, delayMs, drop, user, skip,
    });
    return id;
  }

  clear() {
    this.#faults = [];
  }

  /** @returns {Fault[]} */
  list() {
    return this.#faults.map(({ pattern, ...fault }) => fault);
  }

  /**
   * Consumes one use of the first fault matching the request.
   * A fault without a method leaves CORS preflights alone: a browser would otherwise fail the preflight instead of
   * seeing the injected answer, which is not what a test of "Graph answers 503" means.
   * @param {Origin} origin
   * @param {string} method
   * @param {string} url path and query
   * @param {string | undefined} [userId] who is asking, when known
   * @returns {Fault | undefined}
   */
  take(origin, method, url, userId) {
    const index = this.#faults.findIndex(
      (f) => f.origin === origin && (f.method ? f.method === method : method !== 'OPTIONS') && f.pattern.test(url) &&
        (f.user === undefined || f.user === userId),
    );
    if (index < 0) return undefined;
    const fault = this.#faults[index];
    if (fault.skip > 0) {
      fault.skip -= 1;
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#faults.splice(index, 1);
    return fault;
  }
}

/**
 * @param {{ faults: FaultList, latencyMs: number }} state
 * @param {Origin} origin
 * @param {(req: import('express').Request) => string | undefined} [identify] who makes the request, for faults given a user
 * @returns {import('express').RequestHandler}
 */
export function faultsAndLatency(state, origin, identify = () => undefined) {
  return async (req, res, next) => {
    const fault = state.faults.take(origin, req.method, req.originalUrl, identify(req));
    const delay = state.latencyMs + (fault?.delayMs ?? 0);
    if (delay > 0) await sleep(delay);
    if (fault?.drop) {
      // No status, no headers: the connection just ends, as when a proxy or the service drops it.
      req.socket.destroy();
      return;
    }
    if (!fault || fault.status === 0) {
      next();
      return;
    }
    res.status(fault.status).set(fault.headers);
    if (fault.retryAfter !== undefined) res.set('Retry-After', String(fault.retryAfter));
    if (fault.body === undefined) res.end();
    else if (typeof fault.body === 'string') {
      if (!res.get('Content-Type')) res.type('text/plain');
      res.send(fault.body);
    }
    else res.json(fault.body);
  };
}
