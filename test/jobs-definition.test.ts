import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobFileOf, JobDefinitionError, loadJob, loadJobs, parseJob } from '../src/jobs/index.js';
import { runCli } from './support/cli.js';
import { ROOT } from './support/paths.js';
import { tempDir, writeTemp } from './support/temp.js';

const VALID = { name: 'daily', inputs: ['feeds/*.jsonl'], outputs: { directory: 'out' } };

describe('job definitions', () => {
  it('loads the shipped jobs with paths made absolute against the job file', () => {
    const job = loadJob(join(ROOT, 'pipelines', 'default.json'));
    expect(job.name).toBe('default');
    expect(job.inputs).toEqual([join(ROOT, 'corpora')]);
    expect(job.outputs).toEqual({ directory: join(ROOT, 'runs', 'default'), formats: ['json', 'markdown', 'html'] });
    expect(job.store).toBe(join(ROOT, '.narrascope', 'store.db'));
    expect(job.schedule).toBe('0 * * * *');
    const example = loadJob(join(ROOT, 'pipelines', 'examples', 'polnear-dev.json'));
    expect(example.fields).toEqual({ id: 'article', outlet: 'publisher', date: 'publication_date' });
    expect(example.grouping).toBe('auto');
    expect(example.cues.overrides?.['slam']?.class).toBe('accusation');
  });

  it('fills defaults: no grouping, all three formats, the store beside the job', () => {
    const job = parseJob(VALID, '/jobs/daily.json');
    expect(job.grouping).toBe('none');
    expect(job.outputs.formats).toEqual(['json', 'markdown', 'html']);
    expect(job.store).toBe('/jobs/.narrascope/store.db');
    expect(job.inputs).toEqual(['/jobs/feeds/*.jsonl']);
    expect(job.clean).toEqual({});
  });

  // Each bad job names the field at fault.
  it.each([
    ['a misspelt key', { ...VALID, ouputs: {} }, 'ouputs', /unrecognized/i],
    ['a misspelt nested key', { ...VALID, stages: { narratives: { treshold: 0.3 } } }, 'stages.narratives.treshold', /unrecognized/i],
    ['an unknown format', { ...VALID, outputs: { directory: 'out', formats: ['json', 'pdf'] } }, 'outputs.formats.1', /json|markdown|html/],
    ['a bad cron expression', { ...VALID, schedule: 'every hour' }, 'schedule', /cron/],
    ['a missing name', { inputs: ['x'], outputs: { directory: 'out' } }, 'name', /./],
    ['a name with a slash', { ...VALID, name: '../evil' }, 'name', /letters/],
    ['no inputs', { ...VALID, inputs: [] }, 'inputs', /./],
    ['a threshold out of range', { ...VALID, stages: { narratives: { threshold: 2 } } }, 'stages.narratives.threshold', /./],
    ['an unknown stance class', { ...VALID, stages: { cues: { overrides: { slam: { class: 'angry' } } } } }, 'stages.cues.overrides.slam.class', /./],
    ['a grouping that is neither none, auto nor a field', { ...VALID, grouping: 'topic' }, 'grouping', /./],
    ['zero workers', { ...VALID, workers: 0 }, 'workers', /./],
  ])('rejects %s', (_case, raw, field, message) => {
    let error: unknown;
    try {
      parseJob(raw, '/jobs/bad.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JobDefinitionError);
    const e = error as JobDefinitionError;
    expect(e.file).toBe('/jobs/bad.json');
    expect(e.field).toBe(field);
    expect(e.message).toContain(`/jobs/bad.json: field "${field}"`);
    expect(e.reason).toMatch(message);
  });

  it('reports a JSON syntax error with its line and column', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'broken.json', '{\n  "name": "x",\n  "inputs": ["a"]\n  "outputs": {}\n}\n');
    expect(() => loadJob(file)).toThrow(/broken\.json: not valid JSON at line 4, column 3/);
  });

  it('loads a folder of jobs, reporting broken files and duplicate names without losing the others', () => {
    const dir = tempDir();
    writeTemp(dir, 'a.json', JSON.stringify({ ...VALID, name: 'a' }));
    writeTemp(dir, 'b.json', JSON.stringify({ ...VALID, name: 'b', schedule: 'nope' }));
    writeTemp(dir, 'c.json', JSON.stringify({ ...VALID, name: 'a' }));
    writeTemp(dir, 'notes.txt', 'not a job');
    const { jobs, errors } = loadJobs([dir]);
    expect(jobs.map((j) => j.name)).toEqual(['a']);
    expect(errors.map((e) => [e.file.split('/').pop(), e.field])).toEqual([['b.json', 'schedule'], ['c.json', 'name']]);
  });

  it('the CLI names the file and the field, exit code 2', () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'job.json', JSON.stringify({ ...VALID, outputs: { directory: 'out', formats: ['pdf'] } }));
    for (const command of ['run', 'history', 'drift']) {
      const result = runCli([command, file]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`${file}: field "outputs.formats.0"`);
    }
    // A job may be named by path without ".json", or by name (under pipelines/).
    for (const name of ['pipelines/default', 'default', 'pipelines/default.json']) expect(jobFileOf(name, join(ROOT, 'pipelines')).endsWith('default.json')).toBe(true);
    const missing = runCli(['run', 'no-such-job']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such job file');
  });
});
