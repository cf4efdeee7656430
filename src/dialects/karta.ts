import { catalog } from './catalog.js';
import { defineDialect } from './dialect.js';

/** karta: being written (issue #5). */
export const karta = defineDialect({ ...catalog.karta });
