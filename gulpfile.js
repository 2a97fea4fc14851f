'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);

  result.set('serve', result.get('serve-deprecated'));

  return result;
};

// On --ship builds, a report of which module costs what: temp/bundle-report/report.html to look at, report.json for
// `npm run bench`. webpack-bundle-analyzer is the tool Microsoft's SPFx docs add to a build for this ("Customize
// webpack with the Heft Webpack Patch plugin"); the gulp toolchain's hook for the same is configureWebpack's
// additionalConfiguration. The plugin writes webpack's stats; its command line then reads them with the minified
// bundle, because only from the stats file does it see inside the module that webpack concatenates the web part into
// (the sizes inside that module are estimates, in proportion to each module's source size).
const reportDir = path.join(__dirname, 'temp', 'bundle-report');
const statsFile = path.join(reportDir, 'stats.json');
/** Where webpack writes the bundles this build's stats describe (dist/ in SPFx 1.23), read from the config itself. */
let bundleDir;

build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
    if (build.getConfig().production) {
      // A report from an earlier build must never pass for this one's.
      fs.rmSync(reportDir, { recursive: true, force: true });
      bundleDir = config.output.path;
      const { BundleAnalyzerPlugin } = require('webpack-bundle-analyzer');
      config.plugins.push(new BundleAnalyzerPlugin({
        analyzerMode: 'disabled', openAnalyzer: false, generateStatsFile: true, statsFilename: statsFile, statsOptions: { source: false }
      }));
      // The analyzer says where it wrote the stats at the 'info' level, on stderr, which fails an SPFx build.
      config.infrastructureLogging = { ...config.infrastructureLogging, level: 'warn' };
    }
    return config;
  }
});

build.rig.addPostBundleTask(build.subTask('bundle-report', (gulp, buildOptions, done) => {
  if (!build.getConfig().production) {
    done();
    return;
  }
  const cli = require.resolve('webpack-bundle-analyzer/lib/bin/analyzer.js');
  for (const [mode, report] of [['static', 'report.html'], ['json', 'report.json']]) {
    const run = spawnSync(process.execPath, [cli, statsFile, bundleDir, '--mode', mode,
      '--report', path.join(reportDir, report), '--default-sizes', 'gzip', '--no-open'], { encoding: 'utf8' });
    if (run.status !== 0) {
      done(new Error(`webpack-bundle-analyzer could not write ${report}: ${run.stderr || run.stdout}`));
      return;
    }
  }
  // Without the bundles beside the stats, the analyzer still writes a report, but with no parsed or gzip sizes.
  const assets = JSON.parse(fs.readFileSync(path.join(reportDir, 'report.json'), 'utf8'));
  if (!assets.some((asset) => typeof asset.gzipSize === 'number')) {
    done(new Error(`webpack-bundle-analyzer found no bundle in ${bundleDir} to measure: report.json has no gzip sizes.`));
    return;
  }
  console.log(`Bundle report: ${path.relative(__dirname, path.join(reportDir, 'report.html'))}`);
  done();
}));

build.initialize(require('gulp'));
