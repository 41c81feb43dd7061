import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrackRow } from '../src/relations/track.js';
import { parseJsonl, runCli } from './support/cli.js';
import { SHARED } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';

const dir = tempDir();
const FNC_BODIES = join(SHARED, 'corpora', 'fnc1', 'train_bodies.csv');
const FNC_STANCES = join(SHARED, 'corpora', 'fnc1', 'train_stances.csv');
const HAS_FNC = existsSync(FNC_BODIES) && existsSync(FNC_STANCES);
if (!HAS_FNC) console.warn(`narrascope tests: ${FNC_BODIES} not found; eval fnc1 on the shared data is skipped.`);

// Written for this test: a body with a quoted multi-line field and doubled quotes, as in FNC-1.
const BODIES = 'Body ID,articleBody\n7,"Police arrested the mayor of Springfield on Monday.\n\nThe mayor, who called the charges ""absurd"", was released on bail."\n8,Apple unveiled a new phone with a larger battery.\n';
const STANCES = 'Headline,Body ID,Stance\nSpringfield mayor arrested,7,agree\n"Apple, again: a new phone",8,agree\nSpringfield mayor arrested,8,unrelated\n';

describe('narrascope eval fnc1', () => {
  const bodies = writeTemp(dir, 'bodies.csv', BODIES);
  it('scores a labelled stances file and writes predictions in input order', () => {
    const stances = writeTemp(dir, 'stances.csv', STANCES);
    const out = join(dir, 'pred.csv');
    const run = runCli(['eval', 'fnc1', '--bodies', bodies, '--stances', stances, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/relative score \d+\.\d\d/);
    expect(run.stdout).toMatch(/macro-F1 0\.\d{3}/);
    expect(run.stdout).toContain('confusion (rows gold, columns predicted)');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('Headline,Body ID,Stance');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^"Apple, again: a new phone",8,(agree|disagree|discuss|unrelated)$/);
    expect(lines[3]).toBe('Springfield mayor arrested,8,unrelated');
  });
  it('a stances file without a Stance column only predicts', () => {
    const stances = writeTemp(dir, 'unlabelled.csv', 'Headline,Body ID\nSpringfield mayor arrested,7\n');
    const out = join(dir, 'pred2.csv');
    const run = runCli(['eval', 'fnc1', '--bodies', bodies, '--stances', stances, '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('predicted 1 pairs (no Stance column');
    expect(readFileSync(out, 'utf8')).toMatch(/^Headline,Body ID,Stance\nSpringfield mayor arrested,7,(agree|disagree|discuss)\n$/);
  });
  it('bad CSVs get errors naming file, line and field', () => {
    const noColumn = writeTemp(dir, 'nocol.csv', 'Headline,Stance\nx,agree\n');
    let run = runCli(['eval', 'fnc1', '--bodies', bodies, '--stances', noColumn]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${noColumn}:1: missing column "Body ID"`);
    const badLabel = writeTemp(dir, 'badlabel.csv', 'Headline,Body ID,Stance\nok,7,agree\nSpringfield mayor arrested,7,maybe\n');
    run = runCli(['eval', 'fnc1', '--bodies', bodies, '--stances', badLabel]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${badLabel}:3: field "Stance" is "maybe"`);
    const badBody = writeTemp(dir, 'badbody.csv', 'Headline,Body ID\nok,99\n');
    run = runCli(['eval', 'fnc1', '--bodies', bodies, '--stances', badBody]);
    expect(run.stderr).toContain(`${badBody}:2: field "Body ID": no body 99`);
    run = runCli(['eval', 'fnc1', '--bodies', bodies]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('needs --bodies FILE and --stances FILE');
  });
  it.skipIf(!HAS_FNC)('runs on the first rows of the shared FNC-1 files (skipped without ../shared)', () => {
    const run = runCli(['eval', 'fnc1', '--bodies', FNC_BODIES, '--stances', FNC_STANCES, '--limit', '40', '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { pairs: number; scores: { relativeScore: number; confusion: number[][] } };
    expect(report.pairs).toBe(40);
    expect(report.scores.confusion.flat().reduce((a, b) => a + b, 0)).toBe(40);
    expect(report.scores.relativeScore).toBeGreaterThan(50);
  });
});

describe('narrascope track', () => {
  it('finds which crocus outlets support and which dispute "ISIS-K was the sole culprit", with the speakers', () => {
    const run = runCli(['track', '--claim', 'ISIS-K was the sole culprit', 'corpora/crocus-outlets', '--workers', '1', '--quiet']);
    expect(run.status).toBe(0);
    const rows = parseJsonl(run.stdout) as TrackRow[];
    expect(rows.map((r) => r.id)).toEqual(['atlantic-courier', 'eastern-herald', 'gulf-monitor', 'northern-ledger', 'syndicated-lakeside-daily']);
    const by = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      expect(r.claim).toBe('ISIS-K was the sole culprit');
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(by.get('atlantic-courier')?.verdict).toBe('supports');
    expect(by.get('eastern-herald')?.verdict).toBe('disputes');
    const speakers = (id: string): string[] => (by.get(id)?.evidence ?? []).flatMap((e) => (e.source ? [e.source.text] : []));
    expect(speakers('eastern-herald').join(' ')).toMatch(/Zakharova/);
    expect(by.get('syndicated-lakeside-daily')?.duplicateOf).toBe('northern-ledger');
    // Scored in two worker threads (sharing the word vectors): the same bytes.
    const pooled = runCli(['track', '--claim', 'ISIS-K was the sole culprit', 'corpora/crocus-outlets', '--workers', '2', '--quiet']);
    expect(pooled.stdout).toBe(run.stdout);
  });
  it('writes a claims x outlets table in Markdown and HTML', () => {
    const claims = writeTemp(dir, 'claims.txt', 'ISIS-K was the sole culprit\nIran warned Russia before the attack\n');
    const md = runCli(['track', '--claims', claims, 'corpora/crocus-outlets', '--workers', '1', '--quiet', '--format', 'md']);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('| claim | Atlantic Courier | Eastern Herald | Gulf Monitor | Northern Ledger | Lakeside Daily |');
    expect(md.stdout).toContain('| Iran warned Russia before the attack |');
    const html = runCli(['track', '--claims', claims, 'corpora/crocus-outlets', '--workers', '1', '--quiet', '--format', 'html']);
    expect(html.status).toBe(0);
    expect(html.stdout).toContain('<details><summary>');
    expect(html.stdout).toContain('<th scope="row">Iran warned Russia before the attack</th>');
  });
  it('rejects an empty claim, a claims file with a blank line and a missing claim', () => {
    let run = runCli(['track', '--claim', '   ', 'corpora/crocus-outlets']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--claim #1: the claim is empty');
    const claims = writeTemp(dir, 'blank.txt', 'ISIS-K was the sole culprit\n\nIran warned Russia\n');
    run = runCli(['track', '--claims', claims, 'corpora/crocus-outlets']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${claims}:2: blank line`);
    run = runCli(['track', 'corpora/crocus-outlets']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('track needs --claim');
  });
});
