/**
 * What the client must know of each built-in dialect before its module is loaded: its base URL
 * and the options it requires. Each dialect module spreads its own entry, so this is the one
 * place these facts are written.
 */
export const catalog = {
  openai: { name: 'openai', baseURL: 'https://api.openai.com/v1', requires: [] },
  openrouter: { name: 'openrouter', baseURL: 'https://openrouter.ai/api/v1', requires: [] },
  karta: { name: 'karta', baseURL: 'https://api.karta.sh/v1', requires: ['project'] },
  kawai: { name: 'kawai', baseURL: 'https://api.getkawai.com/v1', requires: [] },
  gateway: { name: 'gateway', baseURL: 'https://api.example.com/v1', requires: [] },
} as const satisfies Record<
  string,
  { name: string; baseURL: string; requires: readonly 'project'[] }
>;

/** The name of a built-in dialect. */
export type DialectName = keyof typeof catalog;
