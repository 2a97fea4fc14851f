// How the benchmark's figures are summarised and printed.

/** Median and 90th percentile (nearest rank: of 7 samples that is the largest) of `samples`, rounded. */
export function summarise(samples, digits) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { median: round(median, digits), p90: round(rank(0.9), digits), min: round(sorted[0], digits), max: round(sorted[sorted.length - 1], digits) };
}

export function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** First column left-aligned, the others (numbers) right-aligned. */
export function printTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  for (const [index, row] of cells.entries()) {
    console.log('  ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   '));
    if (index === 0) console.log('  ' + widths.map((w) => '─'.repeat(w)).join('   '));
  }
}

