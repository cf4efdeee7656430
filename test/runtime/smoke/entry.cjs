// The smoke suite in a runtime that runs a file (Node, Bun), the package loaded with `require`.
// Prints its report on one line for test/runtime/matrix.mjs.
const lib = {
  ...require('responses-client'),
  ...require('responses-client/testing'),
  schemas: require('responses-client/schemas'),
  zod: require('zod'),
  zodMini: require('zod/mini'),
};

import('./suite.mjs')
  .then(({ runSmokeSuite }) => runSmokeSuite(lib))
  .then((report) => console.log(`SMOKE ${JSON.stringify(report)}`));
