// The nudge's tenant load model (scripts/bench/tenantModel.mjs): its arithmetic on inputs worked out by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PEAK_SHARE, peopleManagerLimit, tenantModel, WEEKS } from '../scripts/bench/tenantModel.mjs';

const measured = { versionRead: { graph: 1 }, fullCheck: { graph: 4, peopleManager: 1, sharePoint: 3 }, quietDays: 7 };

test('a person in sync costs one Graph request a week and nothing of SharePoint', () => {
  assert.deepEqual(tenantModel(measured).inSyncPerPersonWeek, { graph: 1, sharePoint: 0, peopleManager: 0 });
});

test('a shorter quiet period checks more often, never more than once a day', () => {
  assert.equal(tenantModel({ ...measured, quietDays: 1 }).inSyncPerPersonWeek.graph, 7);
  assert.equal(tenantModel({ ...measured, quietDays: 14 }).inSyncPerPersonWeek.graph, 0.5);
});

test('weekly totals: in-sync people pay the etag read, out-of-sync people the full check', () => {
  const row = tenantModel(measured).rows.find((r) => r.people === 10000 && r.share === 0.1);
  assert.equal(row.week.graph, 9000 * 1 + 1000 * 4);
  assert.equal(row.week.sharePoint, 1000 * 3);
  assert.equal(row.week.peopleManager, 1000);
  assert.equal(row.fourWeeks.peopleManager, 1000 * WEEKS);
});

test('the deployment-day peak is everyone\'s full check in the busiest 5 minutes, and doubles with the calls per check', () => {
  const row = tenantModel(measured).rows.find((r) => r.people === 50000 && r.share === 0.02);
  assert.equal(row.peak.deployment, 50000 * PEAK_SHARE * 1);
  assert.equal(row.peak.steady, 50000 * PEAK_SHARE * 0.02 * 1);
  const doubled = tenantModel({ ...measured, fullCheck: { ...measured.fullCheck, peopleManager: 2 } }).rows.find((r) => r.people === 50000 && r.share === 0.02);
  assert.equal(doubled.peak.deployment, 2 * row.peak.deployment);
  assert.equal(row.peakShareOfLimit, row.peak.deployment / 12000);
});

test('the published per-tenant PeopleManager limits by licence band', () => {
  assert.deepEqual([500, 3000, 10000, 50000, 80000].map(peopleManagerLimit), [3000, 6000, 9000, 12000, 15000]);
});
