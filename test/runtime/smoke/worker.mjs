// The smoke suite in workerd: a worker module (bundled with the package by esbuild, under the
// `workerd`/`worker`/`browser` conditions) that runs it per request and answers its report.
import { lib } from './lib.mjs';
import { runSmokeSuite } from './suite.mjs';

export default {
  async fetch() {
    return Response.json(await runSmokeSuite(lib));
  },
};
