// The smoke suite in a browser page (bundled with the package by esbuild, `browser` condition):
// its report is `window.smoke`, a promise the driver awaits, and is shown on the page. The
// WebSocket check talks to the page's own origin (`/v1/responses`), with no key: a browser
// cannot send the header (see the README's "WebSocket mode").
import { lib } from './lib.mjs';
import { runSmokeSuite } from './suite.mjs';

const webSocket = { baseURL: `${location.origin}/v1` };
window.smoke = runSmokeSuite(lib, { webSocket }).then((report) => {
  document.body.textContent = JSON.stringify(report, null, 2);
  return report;
});
