import * as z from 'zod/mini';
import { ResponseStreamEventSchema, ResponseTextDeltaEventSchema, KnownStreamEventSchema } from '../src/schemas/index.js';
const delta = JSON.stringify({ type: 'response.output_text.delta', sequence_number: 42, item_id: 'msg_0953eda47ee17412006933306199c88195b44f9cf2986e1d5b', output_index: 1, content_index: 0, delta: ' roasts', logprobs: [] });
const p = JSON.parse(delta);
function m(fn: () => unknown, n = 200000) { for (let i = 0; i < n; i++) fn(); const t = process.hrtime.bigint(); for (let i = 0; i < n; i++) fn(); return Number(process.hrtime.bigint() - t) / n; }
const compiled = z.compile(ResponseStreamEventSchema);
const compiledKnown = z.compile(KnownStreamEventSchema);
console.log('full union', m(() => ResponseStreamEventSchema.safeParse(p)).toFixed(0));
console.log('known DU', m(() => KnownStreamEventSchema.safeParse(p)).toFixed(0));
console.log('single delta schema', m(() => ResponseTextDeltaEventSchema.safeParse(p)).toFixed(0));
console.log('compiled union', m(() => compiled.safeParse(p)).toFixed(0), compiled.safeParse(p).success);
console.log('compiled known', m(() => compiledKnown.safeParse(p)).toFixed(0));
const nolp = { ...p }; delete nolp.logprobs;
console.log('full union, no logprobs', m(() => ResponseStreamEventSchema.safeParse(nolp)).toFixed(0));
console.log('JSON.parse', m(() => JSON.parse(delta)).toFixed(0));
