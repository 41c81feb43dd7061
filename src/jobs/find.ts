/**
 * Finding job files: `narrascope run pipelines/default.json`, `narrascope history default`
 * (looked up as `pipelines/default.json`), `narrascope schedule pipelines/`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JobDefinitionError, loadJob, type JobDefinition } from './definition.js';

/**
 * The job file a command-line argument names: a path to a file (`.json` may be left out), or a
 * job name looked up as `<pipelines>/<name>.json`. Throws a {@link JobDefinitionError} listing where it looked.
 *
 * @example jobFileOf('default') // 'pipelines/default.json'
 */
export function jobFileOf(argument: string, pipelines = 'pipelines'): string {
  if (existsSync(argument) && statSync(argument).isFile()) return argument;
  // "pipelines/default" for "pipelines/default.json", and a bare job name under pipelines/.
  const candidates = [`${argument}.json`, join(pipelines, `${argument}.json`)];
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  if (found) return found;
  throw new JobDefinitionError(argument, null, `no such job file (looked for ${[argument, ...candidates].map((c) => `"${c}"`).join(', ')})`);
}

/**
 * The job files of folders and files (a folder's `*.json`, sorted; files as given). Each is
 * loaded on its own: one broken file is reported and does not stop the others.
 */
export function loadJobs(paths: readonly string[]): { jobs: JobDefinition[]; errors: JobDefinitionError[] } {
  const files = paths.flatMap((path) => {
    if (existsSync(path) && statSync(path).isDirectory()) {
      return readdirSync(path).filter((name) => name.endsWith('.json')).sort().map((name) => join(path, name));
    }
    return [path];
  });
  const jobs: JobDefinition[] = [];
  const errors: JobDefinitionError[] = [];
  for (const file of files) {
    try {
      jobs.push(loadJob(file));
    } catch (error) {
      if (error instanceof JobDefinitionError) errors.push(error);
      else throw error;
    }
  }
  const names = new Map<string, string>();
  for (const job of jobs) {
    const other = names.get(job.name);
    if (other !== undefined) errors.push(new JobDefinitionError(job.file, 'name', `job name "${job.name}" is also used by ${other}`));
    names.set(job.name, job.file);
  }
  return { jobs: jobs.filter((job) => names.get(job.name) === job.file), errors };
}
