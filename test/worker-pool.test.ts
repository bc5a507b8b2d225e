/**
 * The render workers' bounded heap: a job that outgrows it is rendered again in a worker without
 * the bound, so the bound costs no document. The bound here is made far too small for the
 * library even to load, so every first worker runs out of memory.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../src/cli/messages.js';
import type { RenderJob, RenderOutcome } from '../src/cli/render-job.js';
import { roomyLaunch, WorkerPool, workerLaunchFor } from '../src/cli/worker-pool.js';
import { CLI_MAIN, ROOT } from './helpers/cli.js';

const EXAMPLE = join(ROOT, 'examples', 'cho-chu-2024-11.json');
const out = mkdtempSync(join(tmpdir(), 'ket-luan-pool-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('render worker heap', () => {
  it('the launch without the bound keeps every other limit and option', () => {
    const launch = workerLaunchFor(pathToFileURL(CLI_MAIN).href);
    expect(launch.options.resourceLimits?.maxOldGenerationSizeMb).toBeGreaterThan(0);
    const roomy = roomyLaunch(launch);
    expect(roomy.options.resourceLimits).toEqual({ maxYoungGenerationSizeMb: launch.options.resourceLimits?.maxYoungGenerationSizeMb });
    expect({ ...roomy.options, resourceLimits: undefined }).toEqual({ ...launch.options, resourceLimits: undefined });
  });

  it('renders again, without the bound, the jobs of workers that ran out of their bounded heap', async () => {
    const launch = workerLaunchFor(pathToFileURL(CLI_MAIN).href);
    const tight = { ...launch, options: { ...launch.options, resourceLimits: { ...launch.options.resourceLimits, maxOldGenerationSizeMb: 2 } } };
    const jobs: RenderJob[] = ['a', 'b', 'c'].map((name, id) => ({
      id,
      name: `${name}.json`,
      source: { kind: 'file', path: EXAMPLE },
      outputs: [{ format: 'docx', path: join(out, `${name}.docx`), display: `${name}.docx` }],
      settings: { lang: 'en', cwd: out },
    }));
    const outcomes: RenderOutcome[] = [];

    await new WorkerPool(2, tight, messagesFor('en')).run(jobs, (outcome) => outcomes.push(outcome));

    expect(outcomes.map((o) => [o.name, o.ok]).sort()).toEqual([['a.json', true], ['b.json', true], ['c.json', true]]);
    for (const name of ['a', 'b', 'c']) {
      expect(existsSync(join(out, `${name}.docx`))).toBe(true);
      const zip = await JSZip.loadAsync(readFileSync(join(out, `${name}.docx`)));
      expect(await zip.file('word/document.xml')!.async('string')).toContain('KẾT LUẬN');
    }
  }, 120_000);
});
