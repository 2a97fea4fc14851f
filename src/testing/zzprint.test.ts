/** @jest-environment node */
import { measureCalibration, IMeasuredDistance } from './comparisonCalibration';
it('prints', async () => {
  const c = await measureCalibration();
  const row = (name: string, xs: ReadonlyArray<IMeasuredDistance>): string => {
    const s = [...xs].sort((a, b) => a.distance - b.distance);
    return `| ${name} | ${s.length} | ${s[0].distance.toFixed(4)} (${s[0].label}) | ${s[s.length >> 1].distance.toFixed(4)} | ${s[s.length - 1].distance.toFixed(4)} (${s[s.length - 1].label}) |`;
  };
  const lines = [row('same', c.samePhoto), row('1%', c.shiftedCrop.filter(m => m.label.endsWith(' 1%'))), row('2%', c.shiftedCrop.filter(m => m.label.endsWith(' 2%'))), row('diff', c.differentPhotos), row('placeholder', c.placeholder)];
  require('fs').writeFileSync('/tmp/pps/table-' + process.env.MAXSIDE + '.txt', lines.join('\n'));
}, 120000);
