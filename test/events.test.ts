import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupEvents, type EventInput } from '../src/events/index.js';
import { evaluateEvents } from '../src/eval/events.js';
import { scoreClusters } from '../src/eval/events-score.js';
import { runCli } from './support/cli.js';
import { SHARED } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';

// Two invented events, three outlets each, plus one outlet running another's story word for word.
const WIRE = 'Flood waters rose through the night in Valdmoor as the river Ess burst its banks, forcing hundreds of residents from their homes. Emergency crews evacuated two care homes and the mayor declared a state of emergency on Sunday morning.';
const corpus: EventInput[] = [
  { id: 'flood-a', outlet: 'Ledger', date: '2025-03-02', title: 'River Ess floods Valdmoor, hundreds evacuated', text: WIRE },
  { id: 'vote-a', outlet: 'Ledger', date: '2025-03-03', title: 'Kestria parliament rejects pension reform bill', text: 'The Kestria parliament voted down the pension reform bill on Monday after a long debate, a defeat for prime minister Orlan Vey.' },
  { id: 'flood-b', outlet: 'Herald', date: '2025-03-02', title: 'Valdmoor under water as Ess bursts its banks', text: 'Residents of Valdmoor were evacuated overnight when the river Ess burst its banks; the mayor declared an emergency.' },
  { id: 'vote-b', outlet: 'Herald', date: '2025-03-03', title: 'Pension reform defeated in Kestria parliament vote', text: 'Prime minister Orlan Vey lost the parliament vote on his pension reform, which critics called unfair to young workers.' },
  { id: 'flood-c', outlet: 'Courier', date: '2025-03-03', title: 'Valdmoor flood: mayor declares emergency', text: 'The mayor of Valdmoor declared a state of emergency after the Ess flooded the town centre and care homes were evacuated.' },
  { id: 'vote-c', outlet: 'Courier', date: '2025-03-04', title: 'Vey pension reform bill fails in Kestria', text: 'Orlan Vey pension reform bill failed in the Kestria parliament, with twelve members of his own party voting against it.' },
  { id: 'flood-wire', outlet: 'Gazette', date: '2025-03-02', title: 'Hundreds evacuated as River Ess floods Valdmoor', text: WIRE },
];

describe('groupEvents', () => {
  const groups = groupEvents(corpus);
  const eventOf = (id: string): string | undefined => groups.find((g) => g.id === id)?.event;

  it('puts each event\'s articles together and the two events apart', () => {
    expect(groups.map((g) => g.id)).toEqual(corpus.map((a) => a.id));
    for (const id of ['flood-b', 'flood-c', 'flood-wire']) expect(eventOf(id)).toBe(eventOf('flood-a'));
    for (const id of ['vote-b', 'vote-c']) expect(eventOf(id)).toBe(eventOf('vote-a'));
    expect(eventOf('flood-a')).not.toBe(eventOf('vote-a'));
    expect(eventOf('flood-a')).toBe('e0');
  });

  it('flags the syndicated copy from another outlet, and only it', () => {
    expect(groups.filter((g) => g.wireCopyOf).map((g) => [g.id, g.wireCopyOf])).toEqual([['flood-wire', 'flood-a']]);
  });

  it('keeps articles outside the date window apart', () => {
    const late = groupEvents([corpus[0] as EventInput, { ...corpus[2] as EventInput, date: '2025-04-20' }]);
    expect(late[0]?.event).not.toBe(late[1]?.event);
  });

  it('throws a TypeError for an out-of-range option', () => {
    expect(() => groupEvents(corpus, { threshold: 2 })).toThrow(/^narrascope: event option threshold/);
  });
});

describe('scoreClusters', () => {
  it.each([
    [['x', 'x', 'y', 'y'], ['a', 'a', 'b', 'b'], 1, 1, 1],
    [['x', 'x', 'x', 'x'], ['a', 'a', 'b', 'b'], 0.5, 1, 0],
    [['w', 'x', 'y', 'z'], ['a', 'a', 'b', 'b'], 1, 0.5, 0],
  ])('%j vs %j: precision %d, recall %d, ARI %d', (predicted, gold, precision, recall, ari) => {
    expect(scoreClusters(predicted, gold)).toMatchObject({ precision, recall, ari });
  });
});

describe('narrascope events (spawned)', () => {
  it('writes one {id, event} line per article', () => {
    const file = writeTemp(tempDir(), 'events.jsonl', corpus.map((a) => JSON.stringify(a)).join('\n'));
    const run = runCli(['events', file]);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; event: string });
    expect(lines).toHaveLength(7);
    expect(new Set(lines.map((l) => l.event)).size).toBe(2);
  });
});

const NEUS = join(SHARED, 'corpora', 'neus_allsides', 'neus_val.jsonl');
if (!existsSync(NEUS)) console.warn(`narrascope tests: ${NEUS} not found; the NeuS event grouping test is skipped.`);

describe('event grouping on NeuS val', () => {
  it.skipIf(!existsSync(NEUS))('groups 306 events x 3 outlets with B-cubed F1 above 0.8', async () => {
    const report = await evaluateEvents({ file: NEUS, dataset: 'neus' });
    expect(report.classes).toBeGreaterThanOrEqual(306);
    expect(report.f1).toBeGreaterThan(0.8);
  });
});
