import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalyses, type CliRun } from './support/cli.js';
import { ROOT } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';
import { startWebServer, type WebServer } from './support/web-server.js';

let server: WebServer;
beforeAll(async () => { server = await startWebServer(); });
afterAll(async () => { await server.close(); });

/** The real CLI in a child process, asynchronously: the server answers from this process. */
function cli(args: readonly string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('narrascope analyze|compare <feed URL> and --urls FILE', () => {
  it('analyze reads a feed URL: one JSON line per entry, ids are the page URLs', async () => {
    const run = await cli(['analyze', `${server.origin}/courier/atom.xml`, '--workers', '1', '--contact', 'mailto:data@newsroom.example']);
    expect(run.status, run.stderr).toBe(0);
    const results = parseAnalyses(run.stdout);
    expect(results.map((r) => [r.id, r.outlet])).toEqual([[`${server.origin}/courier/repair-timeline.html`, 'Valley Courier'], [`${server.origin}/courier/bridge-safe.html`, 'Valley Courier']]);
    expect(results[1]?.attributions.length).toBeGreaterThan(0);
    expect(server.hits('/courier/atom.xml').at(-1)?.userAgent).toMatch(/^narrascope\/[\d.]+ \(\+mailto:data@newsroom\.example\)$/);
  });

  it('compare mixes feeds and a --urls list; a broken feed is a diagnostic naming it and exit 1, the rest is compared', async () => {
    const list = writeTemp(tempDir(), 'urls.txt', `${server.origin}/ledger/port-alder-bridge.html\n`);
    const run = await cli(['compare', `${server.origin}/harbour/rss.xml`, `${server.origin}/down.xml`, '--urls', list, '--format', 'json', '--workers', '1']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`narrascope: error: ${server.origin}/down.xml: feed: HTTP 500`);
    const report = JSON.parse(run.stdout) as { outlets: { outlet: string }[] };
    expect(report.outlets.map((o) => o.outlet).sort()).toEqual(['Harbour Gazette', 'Northern Ledger']);
  });

  it('narrascope run over a feed job says what it fetched: everything, then one 304 per feed', async () => {
    const dir = tempDir();
    const job = writeTemp(dir, 'feeds.json', JSON.stringify({
      name: 'feeds', inputs: [`${server.origin}/ledger/feed.json`, { feed: `${server.origin}/courier/atom.xml` }],
      outputs: { directory: 'out', formats: ['json'] }, store: 'store.db', workers: 1, fetch: { perHost: { intervalMs: 0 } },
    }));
    const first = await cli(['run', job]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('fetched: 2 feeds read, 0 unchanged (304), 0 failed; 4 pages fetched, 0 already in the store');
    const second = await cli(['run', job]);
    expect(second.stdout).toContain('4 articles (0 analysed, 4 reused');
    expect(second.stdout).toContain('fetched: 0 feeds read, 2 unchanged (304), 0 failed; 0 pages fetched, 4 already in the store');
    const history = await cli(['history', job]);
    expect(history.stdout).toContain('feeds 200/304/failed, pages');
    expect(history.stdout).toMatch(/2\/0\/0 4\n.*0\/2\/0 0\n?$/s);
    const json = JSON.parse((await cli(['history', job, '--format', 'json'])).stdout) as { fetched?: { feedsUnchanged: number } }[];
    expect(json.map((r) => r.fetched?.feedsUnchanged)).toEqual([0, 2]);
  });

  it('without inputs or --urls it is a usage error', async () => {
    const run = await cli(['compare']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--urls');
  });
});
