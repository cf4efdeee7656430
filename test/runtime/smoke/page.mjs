// The smoke suite in a browser page (bundled with the package by esbuild, `browser` condition):
// its report is `window.smoke`, a promise the driver awaits, and is shown on the page.
import { lib } from './lib.mjs';
import { runSmokeSuite } from './suite.mjs';

window.smoke = runSmokeSuite(lib).then((report) => {
  document.body.textContent = JSON.stringify(report, null, 2);
  return report;
});
