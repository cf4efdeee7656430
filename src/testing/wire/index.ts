import type { DialectName } from '../../dialects/catalog.js';
import { gatewayWire } from './gateway.js';
import { kartaWire } from './karta.js';
import { kawaiWire } from './kawai.js';
import { openaiWire } from './openai.js';
import { openrouterWire } from './openrouter.js';
import type { Wire } from './wire.js';

/** The wire format of each built-in dialect's server. */
export const wires: Record<DialectName, Wire> = {
  openai: openaiWire,
  openrouter: openrouterWire,
  karta: kartaWire,
  kawai: kawaiWire,
  gateway: gatewayWire,
};
