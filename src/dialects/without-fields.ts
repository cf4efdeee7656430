import * as z from 'zod/mini';
import type { WireSchema } from '../schemas/index.js';

type Shaped = { shape?: Record<string, z.core.$ZodType> };

/**
 * For a dialect's `request.canonical`: the canonical checks without the fields its own schema
 * redefines (OpenRouter takes a longer `safety_identifier` than OpenAI, say), so that the
 * server's rule is the one applied. Built once per canonical schema, then cached.
 */
export function withoutFields(own: WireSchema): (canonical: WireSchema) => WireSchema {
  const ownShape = (own as Shaped).shape ?? {};
  const cache = new WeakMap<object, WireSchema>();
  return (canonical) => {
    const shape = (canonical as Shaped).shape;
    if (!shape) return canonical;
    let schema = cache.get(canonical);
    if (!schema) {
      schema = z.looseObject(
        Object.fromEntries(Object.entries(shape).filter(([key]) => !(key in ownShape))),
      );
      cache.set(canonical, schema);
    }
    return schema;
  };
}
