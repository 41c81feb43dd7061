import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from './support/cli.js';
import { ROOT, SHARED } from './support/paths.js';
import { existsSync } from 'node:fs';

const TRAIN = join(SHARED, 'corpora', 'polnear', 'train.jsonl');

describe('narrascope analyze, interrupted', () => {
  it.skipIf(!existsSync(TRAIN))('stops on SIGINT after complete lines only, exit code 130', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), 'analyze', TRAIN, '--id-field', 'article', '--quiet'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!sent && stdout.split('\n').length > 3) {
        sent = true; // a second SIGINT would kill at once, by design
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(stdout.endsWith('\n')).toBe(true);
    const lines = parseJsonl(stdout);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThan(919);
  });
});
