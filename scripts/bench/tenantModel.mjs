// The tenant load model of the nudge (issue 19), from the requests `npm run bench` counts per page view (nudge.mjs).
// Pure arithmetic, tested in test/tenantModel.test.mjs; its table is in the README.
import { printTable, round } from './figures.mjs';

/** Tenants of these sizes, each person with 20 page views a working day, over 4 weeks of 5 working days. */
export const PEOPLE = [10000, 50000];
export const PAGE_VIEWS_PER_DAY = 20;
export const WEEKS = 4;
/** Shares of people whose photos are out of sync (or whose Microsoft 365 photo changed) in a week. */
export const OUT_OF_SYNC_SHARES = [0.02, 0.1];
/**
 * The busiest 5 minutes of a morning hold this share of the day's first page views. People arrive over about two hours
 * (24 five-minute slots: 4.2 % each if even); 10 % is the share of a slot at more than twice the even rate.
 */
export const PEAK_SHARE = 0.1;

/**
 * SharePoint's per-tenant limit on PeopleManager calls per 5 minutes, by licences: 3,000 / 6,000 / 9,000 / 12,000 /
 * 15,000 for 0–1k / 1–5k / 5–15k / 15–50k / 50k+ (sp-dev-docs, "How to avoid getting throttled or blocked in SharePoint
 * Online", March 2025). 50,000 is read as the 15–50k band, the stricter.
 */
export function peopleManagerLimit(people) {
  return people <= 1000 ? 3000 : people <= 5000 ? 6000 : people <= 15000 ? 9000 : people <= 50000 ? 12000 : 15000;
}

/** Graph's Outlook-service limit for photo reads: 10,000 requests per 10 minutes per app and mailbox (per person). */
export const GRAPH_PER_PERSON_LIMIT_10_MIN = 10000;

/**
 * @param perPerson requests counted per event: `versionRead` (the etag read of a due check that stops there),
 *   `fullCheck` (a due check that reads SharePoint, its etag read included), and the quiet period in days.
 */
export function tenantModel(perPerson) {
  const { versionRead, fullCheck, quietDays } = perPerson;
  // A check falls due once per quiet period; a week has 7 / quietDays of them (at most one a day, one per page view).
  const checksPerWeek = Math.min(7, 7 / quietDays);
  const inSync = { graph: versionRead.graph * checksPerWeek, sharePoint: 0, peopleManager: 0 };
  const outOfSync = { graph: fullCheck.graph * checksPerWeek, sharePoint: fullCheck.sharePoint * checksPerWeek, peopleManager: fullCheck.peopleManager * checksPerWeek };
  const rows = [];
  for (const people of PEOPLE) {
    const limit = peopleManagerLimit(people);
    for (const share of OUT_OF_SYNC_SHARES) {
      const week = {
        graph: people * ((1 - share) * inSync.graph + share * outOfSync.graph),
        sharePoint: people * share * outOfSync.sharePoint,
        peopleManager: people * share * outOfSync.peopleManager
      };
      // Everyone's check falls due on the same morning once the reminder has run a week (people who work the same
      // days check on the same weekday): only the out-of-sync share reads SharePoint.
      const steadyPeak = people * PEAK_SHARE * share * fullCheck.peopleManager;
      // The day it is deployed, nobody has a recent check: every person's first page view checks in full.
      const deploymentPeak = people * PEAK_SHARE * fullCheck.peopleManager;
      rows.push({
        people, share, limit,
        pageViewsPerWeek: people * PAGE_VIEWS_PER_DAY * 5,
        week, fourWeeks: { graph: week.graph * WEEKS, sharePoint: week.sharePoint * WEEKS, peopleManager: week.peopleManager * WEEKS },
        peak: { steady: steadyPeak, deployment: deploymentPeak },
        peakShareOfLimit: Math.max(steadyPeak, deploymentPeak) / limit
      });
    }
  }
  return {
    perPerson, inSyncPerPersonWeek: inSync, outOfSyncPerPersonWeek: outOfSync, rows,
    // The most a person's own Graph budget sees from the nudge in 10 minutes: one full check (its etag read included).
    graphPerPerson10Min: Math.max(fullCheck.graph, versionRead.graph),
    peakShareOfLimit: Math.max(...rows.map((row) => row.peakShareOfLimit))
  };
}

export function printTenantModel(model) {
  console.log(`\n10. Tenant load model of the nudge: ${PAGE_VIEWS_PER_DAY} page views a person a working day, quiet period ${model.perPerson.quietDays} days, ${WEEKS} weeks`);
  printTable(['per person a week', 'Graph', 'SharePoint', 'PeopleManager'], [
    ['in sync, photo unchanged', round(model.inSyncPerPersonWeek.graph, 2), model.inSyncPerPersonWeek.sharePoint, model.inSyncPerPersonWeek.peopleManager],
    ['out of sync, or photo changed', round(model.outOfSyncPerPersonWeek.graph, 2), round(model.outOfSyncPerPersonWeek.sharePoint, 2), round(model.outOfSyncPerPersonWeek.peopleManager, 2)]
  ]);
  printTable(['people, out of sync', 'page views / 4 wk', 'Graph / 4 wk', 'SharePoint / 4 wk', 'PeopleManager / 4 wk',
    'PM / 5 min, weekly peak', 'PM / 5 min, deployment day', 'tenant limit / 5 min', 'peak share of limit'], model.rows.map((row) => [
    `${row.people.toLocaleString('en-US')}, ${round(row.share * 100, 0)} %`,
    (row.pageViewsPerWeek * WEEKS).toLocaleString('en-US'),
    Math.round(row.fourWeeks.graph).toLocaleString('en-US'),
    Math.round(row.fourWeeks.sharePoint).toLocaleString('en-US'),
    Math.round(row.fourWeeks.peopleManager).toLocaleString('en-US'),
    Math.round(row.peak.steady).toLocaleString('en-US'),
    Math.round(row.peak.deployment).toLocaleString('en-US'),
    row.limit.toLocaleString('en-US'),
    `${round(row.peakShareOfLimit * 100, 1)} %`
  ]));
  console.log(`  Peak: ${round(PEAK_SHARE * 100, 0)} % of a morning's first page views in its busiest 5 minutes. Graph: at most ${model.graphPerPerson10Min} requests a person in 10 minutes, against Outlook's ${GRAPH_PER_PERSON_LIMIT_10_MIN.toLocaleString('en-US')} per app and mailbox.`);
}
