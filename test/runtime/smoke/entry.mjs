// The smoke suite in a runtime that runs a file (Node, Bun, Deno), the package loaded with
// `import`. Prints its report on one line for test/runtime/matrix.mjs.
import { lib } from './lib.mjs';
import { runSmokeSuite } from './suite.mjs';

console.log(`SMOKE ${JSON.stringify(await runSmokeSuite(lib))}`);
