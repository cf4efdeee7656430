import { catalog } from './catalog.js';
import { defineDialect } from './dialect.js';

/** kawai: being written (issue #5). */
export const kawai = defineDialect({ ...catalog.kawai });
