import { catalog } from './catalog.js';
import { defineDialect } from './dialect.js';

/** openrouter: being written (issue #5). */
export const openrouter = defineDialect({ ...catalog.openrouter });
