import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README: a front page (the guides in docs/ show the examples whole: test/docs.test.ts)', () => {
  it('opens with the two set-up commands: the demo, then the tests', () => {
    expect(readme.split('\n').slice(2, 6)).toEqual([
      '```sh',
      'npm ci && npm run demo    # streams a reply from the built-in fake server: no key, no network',
      'npm ci && npm test        # the whole test suite',
      '```',
    ]);
  });
});

describe('docs/agent-loop.md: every block of code is an example CI runs', () => {
  const guide = readFileSync(join(root, 'docs/agent-loop.md'), 'utf8');
  const blocks = [...guide.matchAll(/```ts\n/g)].length;
  const files = [...guide.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)```\n/g)].map(
    ([, path, code]) => ({ path: path ?? '', code: code ?? '' }),
  );
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts
    .examples as string;

  it('marks every ts block with the file it shows, each one run by npm run examples (or imported by one)', () => {
    expect(files).toHaveLength(blocks);
    for (const { path } of files) {
      const module = `./${path.replace(/^examples\//, '').replace(/\.ts$/, '.js')}'`;
      const run = scripts.includes(path);
      expect(
        run || files.some((other) => scripts.includes(other.path) && other.code.includes(module)),
      ).toBe(true);
    }
  });

  it.each(files)('shows $path exactly as the file', ({ path, code }) => {
    expect(code).toBe(readFileSync(join(root, path), 'utf8'));
  });
});
