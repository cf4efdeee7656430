import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Each `<!-- file: path -->` marker of the README, with the code block right after it. */
const shown = [...readme.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)```\n/g)].map(
  ([, path, code]) => ({ path: path ?? '', code: code ?? '' }),
);

describe('README: the examples it shows (Conversations API, Testing your app, recording; the guides in docs/ show the others: test/docs.test.ts)', () => {
  it('shows each example and its test, in reading order', () => {
    expect(shown.map(({ path }) => path)).toEqual([
      'examples/conversations-api.ts',
      'examples/weather-assistant.ts',
      'examples/testing-your-app.test.ts',
      'examples/record-replay.test.ts',
    ]);
  });

  it.each(shown)('shows $path exactly as the file that runs in CI', ({ path, code }) => {
    expect(code).toBe(readFileSync(join(root, path), 'utf8'));
  });

  it('opens with the two set-up commands: the demo, then the tests', () => {
    expect(readme.split('\n').slice(2, 6)).toEqual([
      '```sh',
      'npm ci && npm run demo    # streams a reply from the built-in fake server: no key, no network',
      'npm ci && npm test        # the whole test suite',
      '```',
    ]);
  });
});
