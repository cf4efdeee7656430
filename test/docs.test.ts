import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Every Markdown page a reader follows: the README, the guides in docs/, the examples' pages. */
function pages(): string[] {
  const guides = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  const examples = readdirSync(join(root, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => `examples/${name}`);
  return ['README.md', ...guides.sort(), ...examples.sort()];
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Each `<!-- file: path -->` marker of a page, with the ts block right after it (if any). */
function markers(page: string) {
  const text = read(page);
  const all = [...text.matchAll(/<!-- file: (\S+) -->\n/g)];
  return all.map((marker) => {
    const after = text.slice((marker.index ?? 0) + marker[0].length);
    const block = /^```ts\n([\s\S]*?)```\n/.exec(after);
    return { page, path: marker[1] ?? '', code: block?.[1] };
  });
}

/**
 * Each `<!-- excerpt: path -->` marker of a page, with the ts block right after it: a shortened
 * copy of a file, each of its runs of lines (split at a line that starts `// …`, which says what
 * was left out) found in the file in order, indentation aside.
 */
function excerpts(page: string) {
  const text = read(page);
  return [...text.matchAll(/<!-- excerpt: (\S+) -->\n/g)].map((marker) => {
    const after = text.slice((marker.index ?? 0) + marker[0].length);
    const block = /^```ts\n([\s\S]*?)```\n/.exec(after)?.[1];
    return { page, path: marker[1] ?? '', block };
  });
}

/** The first run of `excerpt`'s lines not found whole in `file`, after the run before it. */
function missingRun(excerpt: string, file: string): string | undefined {
  const trimmed = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => line.trim());
  const lines = trimmed(file);
  const runs: string[][] = [[]];
  for (const line of trimmed(excerpt)) {
    if (line.startsWith('// …')) runs.push([]);
    else runs.at(-1)?.push(line);
  }
  let from = 0;
  for (const run of runs.filter((r) => r.length > 0)) {
    let at = from;
    while (at <= lines.length - run.length && run.some((line, i) => lines[at + i] !== line)) at++;
    if (at > lines.length - run.length) return run.join('\n');
    from = at + run.length;
  }
  return undefined;
}

/** A page's lines outside fenced code blocks (a `# comment` in a shell block is no heading). */
function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as `-`. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const slugs = new Set<string>();
  for (const line of prose(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.add(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
}

/** Each relative link of a page (`[text](target)`), outside code blocks and code spans. */
function links(page: string) {
  const text = prose(read(page))
    .join('\n')
    .replace(/``[\s\S]*?``|`[^`\n]*`/g, '');
  return [...text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map(([, target]) => target ?? '')
    .filter((target) => !/^[a-z][a-z\d+.-]*:/i.test(target))
    .map((target) => ({ page, target }));
}

/** Where a link leads: the file (relative to the repository) and the anchor, if any. */
function resolve(page: string, target: string) {
  const [path = '', anchor] = target.split('#');
  const file = path === '' ? page : relative(root, join(root, dirname(page), path));
  return { file, anchor };
}

describe('the README and the guides in docs/', () => {
  const shown = pages().flatMap(markers);

  it('keep every example they show, each in its place', () => {
    const where = (page: string) => shown.filter((m) => m.page === page).map((m) => m.path);
    expect(where('docs/servers.md')).toEqual([
      'examples/own-server.ts',
      'examples/own-server.test.ts',
    ]);
    expect(where('docs/browser-and-relays.md')).toEqual(['examples/relay-node.ts']);
    expect(where('docs/conversations.md')).toEqual([
      'examples/conversation.ts',
      'examples/conversations-api.ts',
    ]);
    expect(where('docs/tools.md')).toEqual(['examples/tool-loop.ts']);
    expect(where('docs/structured-output.md')).toEqual(['examples/structured-output.ts']);
    expect(where('docs/testing.md')).toEqual([
      'examples/weather-assistant.ts',
      'examples/testing-your-app.test.ts',
      'examples/file-cleaner.ts',
      'examples/approval-flow.test.ts',
      'examples/record-replay.test.ts',
    ]);
    expect(shown.map((m) => m.path)).toEqual(
      expect.arrayContaining([
        'examples/conversations-api.ts',
        'examples/own-server.ts',
        'examples/own-server.test.ts',
        'examples/relay-node.ts',
        'examples/weather-assistant.ts',
        'examples/testing-your-app.test.ts',
        'examples/record-replay.test.ts',
      ]),
    );
  });

  it.each(shown)('$page shows $path exactly as the file that runs in CI', ({ path, code }) => {
    expect(code, 'a `<!-- file: … -->` marker is followed by a ts block').toBeDefined();
    expect(code).toBe(read(path));
  });

  const cut = pages().flatMap(excerpts);

  it('shortens in the README only what a guide shows whole: the approval flow tested (issue 19)', () => {
    expect(cut.map(({ page, path }) => `${page}: ${path}`)).toEqual([
      'README.md: examples/approval-flow.test.ts',
    ]);
    expect(shown.map((m) => m.path)).toContain('examples/approval-flow.test.ts');
  });

  it.each(cut)('$page shows lines of $path as they are in the file', ({ path, block }) => {
    expect(block, 'an `<!-- excerpt: … -->` marker is followed by a ts block').toBeDefined();
    expect(missingRun(block ?? '', read(path)), 'a run of lines not found in the file').toBe(
      undefined,
    );
  });

  const all = pages().flatMap(links);

  it('link somewhere: the check reads their links', () => {
    expect(all.filter((link) => link.page === 'README.md').length).toBeGreaterThan(20);
    expect(all.some((link) => link.target.includes('#'))).toBe(true);
  });

  it.each(all)('$page links to $target, which exists', ({ page, target }) => {
    const { file, anchor } = resolve(page, target);
    expect(existsSync(join(root, file)), `${file} exists`).toBe(true);
    if (anchor === undefined) return;
    expect(file.endsWith('.md'), `an anchor (#${anchor}) points into a Markdown page`).toBe(true);
    expect([...anchors(read(file))]).toContain(anchor);
  });
});

describe('anchors', () => {
  it('are the ones GitHub makes from headings, code blocks left out', () => {
    const page = [
      '# Testing your app: `responses-client/testing`',
      '## Errors, retries and timeouts',
      '```sh',
      '# not a heading',
      '```',
      '### Errors, retries and timeouts',
      "## What `finalResponse()` is, and what it isn't",
    ].join('\n');

    expect([...anchors(page)]).toEqual([
      'testing-your-app-responses-clienttesting',
      'errors-retries-and-timeouts',
      'errors-retries-and-timeouts-1',
      'what-finalresponse-is-and-what-it-isnt',
    ]);
  });
});
