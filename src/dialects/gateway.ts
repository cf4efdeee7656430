import { catalog } from './catalog.js';
import { defineDialect } from './dialect.js';

/** gateway: being written (issue #5). */
export const gateway = defineDialect({ ...catalog.gateway });
