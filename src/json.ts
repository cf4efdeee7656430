/** Small helpers for JSON as servers send it, shared by every layer (this module imports nothing). */
import type { WireObject } from './types/wire.js';

/** Whether a value is a JSON object (not `null`, not an array). */
export const isObject = (value: unknown): value is WireObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
