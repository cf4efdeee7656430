import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const probe = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));

describe('ResponseStream memory', () => {
  it('iterates a 200 MB stream with RSS growing by less than 80 MB', { timeout: 60_000 }, () => {
    // A process of its own, so that no other test's memory is counted.
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', probe, '800000'],
      {
        encoding: 'utf8',
        timeout: 55_000,
      },
    );
    const { bytes, events, growth } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}');
    expect(bytes).toBeGreaterThan(200e6);
    expect(events).toBe(800_002);
    expect(growth / 1e6).toBeLessThan(80);
  });
});
