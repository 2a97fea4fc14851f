// The requests a page makes, each with its start and end on one clock, and the longest chain of them that ran one
// after the other: the round trips a step cannot do without, next to the Δ/L estimate in the end-to-end table (4.).
//
// Read from the DevTools protocol's Network events, which Playwright itself reads, rather than from Playwright's
// request.timing(): Playwright does not report CORS preflights at all, and for a request that waited for one its timing
// mixes two clocks (startTime is taken after the preflight, responseEnd is counted from before it: at 150 ms, Graph's
// GET read as ending 150 ms after the page had already shown the photo it returned). The protocol reports each
// preflight as a request of its own (its initiator's type 'preflight'), on the same clock as everything else.

/**
 * Records the network legs of `page`, its frames included, until stop(). A leg is one request to one URL, from the moment
 * the network stack started it to its last byte. A redirect ends one leg and starts the next (userphoto.aspx, then the
 * picture it redirects to). A CORS preflight is a leg of its own, and the request it clears starts only when it has
 * ended (the response's timing.requestTime: the network stack holds the request back until then). A request queued
 * for a free connection starts when it was asked for, so a queue never lengthens a chain.
 * Times are wall-clock milliseconds, as performance.timeOrigin + performance.now() reads in the page.
 */
export async function recordNetwork(page) {
  const cdp = await page.context().newCDPSession(page);
  const inFlight = new Map();
  const legs = [];
  // Protocol timestamps are seconds on a monotonic clock; each requestWillBeSent also gives the wall time.
  const toWall = new Map();
  const wall = (requestId, seconds) => seconds * 1000 + toWall.get(requestId);
  const end = (requestId, seconds, timing) => {
    const leg = inFlight.get(requestId);
    if (!leg) return;
    inFlight.delete(requestId);
    if (timing?.requestTime > 0) leg.start = wall(requestId, timing.requestTime);
    leg.end = wall(requestId, seconds);
    legs.push(leg);
  };
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.redirectResponse) end(event.requestId, event.timestamp, event.redirectResponse.timing);
    if (!/^https?:/.test(event.request.url)) return; // blob: and data: URLs never reach the network
    toWall.set(event.requestId, event.wallTime * 1000 - event.timestamp * 1000);
    inFlight.set(event.requestId, {
      method: event.request.method,
      url: event.request.url,
      preflight: event.initiator?.type === 'preflight',
      fromCache: false,
      start: wall(event.requestId, event.timestamp)
    });
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const leg = inFlight.get(event.requestId);
    if (leg) leg.fromCache = true;
  });
  cdp.on('Network.responseReceived', (event) => {
    const leg = inFlight.get(event.requestId);
    if (!leg) return;
    const { response } = event;
    leg.fromCache ||= Boolean(response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker);
    leg.timing = response.timing;
  });
  cdp.on('Network.loadingFinished', (event) => end(event.requestId, event.timestamp, inFlight.get(event.requestId)?.timing));
  cdp.on('Network.loadingFailed', (event) => inFlight.delete(event.requestId));
  await cdp.send('Network.enable');
  return {
    /** The legs that have ended so far, in the order they ended. */
    legs: () => legs.map(({ timing, ...leg }) => leg),
    stop: () => cdp.detach()
  };
}

/**
 * The longest chain of round trips to the services among `legs` that started at or after `from` and ended by `to` (wall
 * milliseconds), in which each starts after the previous one ended. Each link waited for the emulator's added latency
 * one after the other, so at L per request the step cannot take less than (links × L): the floor of its round trips.
 * Counted as round trips: requests that reached the emulator's site, my site or Graph, and Graph's CORS preflights.
 * Not counted: answers from the browser's cache, and the workbench's own calls to /_emulator/ (its stand-ins for the
 * token service and the page context, which the emulator never delays).
 * Taking, again and again, the leg that ends first among those that start after the chain's last one ended gives the
 * longest such chain (the greedy rule for interval scheduling).
 */
export function longestChain(legs, from, to) {
  const candidates = legs
    .filter((leg) => !leg.fromCache && !new URL(leg.url).pathname.startsWith('/_emulator/'))
    .filter((leg) => leg.start >= from && leg.end <= to)
    .sort((a, b) => a.end - b.end);
  const chain = [];
  for (const leg of candidates) {
    if (chain.length === 0 || leg.start >= chain[chain.length - 1].end) chain.push(leg);
  }
  return chain.map((leg) => ({
    request: `${leg.preflight ? 'preflight' : leg.method} ${new URL(leg.url).pathname}`,
    startMs: Math.round(leg.start - from),
    endMs: Math.round(leg.end - from)
  }));
}
