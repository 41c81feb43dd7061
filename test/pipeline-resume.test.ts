import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { ROOT } from './support/paths.js';
import { syntheticJsonl } from './support/synthetic.js';
import { tempDir, writeTemp } from './support/temp.js';

const dir = tempDir();
// 400 articles with a broken line after the 8th: long enough to be killed mid-run.
const input = writeTemp(dir, 'batch.jsonl', syntheticJsonl(400, 7));

/** Start an analyze run and kill -9 it once its output file holds a few lines. */
async function killMidRun(out: string, failures: string): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), 'analyze', input, '--out', out, '--failures', failures, '--workers', '2', '--quiet'], { cwd: ROOT });
  const closed = new Promise((resolve) => child.on('close', resolve));
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (existsSync(out) && statSync(out).size > 20_000) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  await closed;
}

describe('narrascope analyze --resume (spawned)', () => {
  it('after a kill -9, resuming gives the uninterrupted output, nothing lost or duplicated', async () => {
    const full = join(dir, 'full.jsonl');
    const fullFailures = join(dir, 'full-failures.jsonl');
    const whole = runCli(['analyze', input, '--out', full, '--failures', fullFailures, '--workers', '2', '--quiet']);
    expect(whole.status).toBe(1); // the broken line
    expect(readFileSync(full, 'utf8').split('\n').filter(Boolean)).toHaveLength(400);

    const out = join(dir, 'resumed.jsonl');
    const failures = join(dir, 'resumed-failures.jsonl');
    await killMidRun(out, failures);
    const cut = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
    expect(cut).toBeLessThan(400);
    const resumed = runCli(['analyze', input, '--out', out, '--failures', failures, '--workers', '2', '--resume']);
    expect(resumed.stderr).toMatch(/resuming after \d+ articles/);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(full, 'utf8'));
    expect(readFileSync(failures, 'utf8')).toBe(readFileSync(fullFailures, 'utf8'));
  });

  it('records the bad line in the failures file (id, file, line, reason) and goes on', () => {
    const small = writeTemp(dir, 'small.jsonl', syntheticJsonl(5, 1));
    const failures = join(dir, 'small-failures.jsonl');
    const run = runCli(['analyze', small, '--failures', failures, '--workers', '2']);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(run.stderr).toContain(`${small}:3:`);
    const [record] = readFileSync(failures, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
    expect(record).toMatchObject({ id: null, file: small, line: 3 });
  });

  it('refuses --resume without --out (usage error)', () => {
    const run = runCli(['analyze', input, '--resume']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--resume needs --out');
  });
});
