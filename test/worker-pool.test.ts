/**
 * The render workers' bounded heap: a job that outgrows it is rendered again in a worker without
 * the bound, so the bound costs no document. The bound here is made far too small for the
 * library even to load, so every first worker runs out of memory.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../src/cli/messages.js';
import { renderInMemory, type RenderJob, type RenderOutcome } from '../src/cli/render-job.js';
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

describe('render workers writing one job while rendering the next', () => {
  it('one worker renders every job, and each file holds the bytes that job renders to on its own', async () => {
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    const folder = mkdtempSync(join(out, 'pipelined-'));
    const names = ['a', 'b', 'c', 'd', 'e'];
    const jobs: RenderJob[] = names.map((name, id) => {
      const input = join(folder, `${name}.json`);
      // each its own number and signer, so a file holding another job's bytes would show
      writeFileSync(input, JSON.stringify({ ...example, number: { sequence: 100 + id, issuerCode: 'ĐU', typeCode: 'KL' }, signature: { ...(example.signature as object), name: `Nguyễn Văn ${name.toUpperCase()}` } }));
      return {
        id,
        name: `${name}.json`,
        source: { kind: 'file', path: input },
        outputs: (['docx', 'pdf'] as const).map((format) => ({ format, path: join(folder, `${name}.${format}`), display: `${name}.${format}` })),
        settings: { lang: 'en', cwd: folder },
      };
    });
    const outcomes: RenderOutcome[] = [];

    await new WorkerPool(1, workerLaunchFor(pathToFileURL(CLI_MAIN).href), messagesFor('en')).run(jobs, (outcome) => outcomes.push(outcome));

    expect(outcomes.map((o) => [o.name, o.ok])).toEqual(names.map((name) => [`${name}.json`, true]));
    for (const job of jobs) {
      const alone = await renderInMemory(job);
      if ('failure' in alone) throw new Error(JSON.stringify(alone.failure));
      for (const file of alone.files) expect(createHash('sha256').update(readFileSync(file.path)).digest('hex'), file.display).toBe(createHash('sha256').update(file.data).digest('hex'));
    }
    // nothing but the inputs and their files: no temporary file left behind
    expect(readdirSync(folder).sort()).toEqual(names.flatMap((name) => [`${name}.docx`, `${name}.json`, `${name}.pdf`]));
  }, 120_000);
});

describe('a run\'s templates', () => {
  it('every job of a run is rendered with the templates as they were when its first job read them', async () => {
    const folder = mkdtempSync(join(out, 'templates-'));
    mkdirSync(join(folder, 'ket-luan-hd36'));
    const authority = join(folder, 'ket-luan-hd36', 'signature-authority.hbs');
    writeFileSync(authority, 'THAY MẶT {{signature.collective}}');
    const job = (id: number, run: string): RenderJob => ({
      id,
      name: 'a.json',
      source: { kind: 'file', path: EXAMPLE },
      outputs: [{ format: 'docx', path: join(folder, `${id}.docx`), display: `${id}.docx` }],
      settings: { lang: 'en', cwd: folder, templates: folder, run },
    });
    const documentXml = async (rendered: Awaited<ReturnType<typeof renderInMemory>>) => {
      if ('failure' in rendered) throw new Error(JSON.stringify(rendered.failure));
      return (await JSZip.loadAsync(rendered.files[0]!.data)).file('word/document.xml')!.async('string');
    };

    const first = await documentXml(await renderInMemory(job(1, 'one run')));
    writeFileSync(authority, 'KÝ THAY {{signature.collective}}');
    const second = await documentXml(await renderInMemory(job(2, 'one run')));
    const nextRun = await documentXml(await renderInMemory(job(3, 'the next run')));

    expect(first).toContain('THAY MẶT BAN THƯỜNG VỤ');
    expect(second).toBe(first);
    // the next run of the command, in the same process, reads the templates as they are now
    expect(nextRun).toContain('KÝ THAY BAN THƯỜNG VỤ');
  });
});

describe('a worker that dies while another job\'s files are being written', () => {
  it('renders the job being written again in a new worker, fails the one rendering, and reports each job once', async () => {
    const marker = join(mkdtempSync(join(out, 'dying-')), 'first-worker-started');
    // A stand-in for the render worker, speaking its protocol: the first one never finishes
    // writing job 0 and fails while rendering job 1; the workers after it render every job.
    const script = `
      const { parentPort } = require('node:worker_threads');
      const fs = require('node:fs');
      const first = !fs.existsSync(${JSON.stringify(marker)});
      if (first) fs.writeFileSync(${JSON.stringify(marker)}, '');
      parentPort.on('message', ({ job }) => {
        if (first && job.id === 1) throw new Error('failed while job 0 was being written');
        parentPort.postMessage({ type: 'rendered', id: job.id });
        if (first && job.id === 0) return;
        parentPort.postMessage({ type: 'done', outcome: { id: job.id, name: job.name, ok: true, outputs: [job.name], warnings: [] } });
      });`;
    const jobs: RenderJob[] = [0, 1, 2].map((id) => ({ id, name: `${id}.json`, source: { kind: 'file', path: EXAMPLE }, outputs: [], settings: { lang: 'en', cwd: out } }));
    const outcomes: RenderOutcome[] = [];

    await new WorkerPool(1, { filename: script, options: { eval: true } }, messagesFor('en')).run(jobs, (outcome) => outcomes.push(outcome));

    expect(outcomes.map((o) => [o.id, o.ok]).sort()).toEqual([[0, true], [1, false], [2, true]]);
    const failed = outcomes.find((o) => o.id === 1);
    expect(failed?.ok === false && failed.messages.join('')).toContain('failed while job 0 was being written');
  });
});

describe('a worker is sent its next job before it has rendered the one it holds', () => {
  /**
   * A stand-in for the render worker that renders nothing until it holds two jobs, or one of the
   * last two (the pool sends one at a time once no more jobs are left than workers).
   */
  const holdingWorker = (marker: string, last: number, firstDies: boolean) => `
    const { parentPort } = require('node:worker_threads');
    const fs = require('node:fs');
    const first = !fs.existsSync(${JSON.stringify(marker)});
    if (first) fs.writeFileSync(${JSON.stringify(marker)}, '');
    const held = [];
    parentPort.on('message', ({ job }) => {
      held.push(job);
      if (${firstDies} && first && held.length === 2) throw new Error('died rendering job ' + held[0].id);
      while (held.length >= 2 || (held.length > 0 && held[held.length - 1].id >= ${last} - 1)) {
        const done = held.shift();
        parentPort.postMessage({ type: 'rendered', id: done.id });
        parentPort.postMessage({ type: 'done', outcome: { id: done.id, name: done.name, ok: true, outputs: [done.name], warnings: [] } });
      }
    });`;
  const jobs: RenderJob[] = [0, 1, 2, 3].map((id) => ({ id, name: `${id}.json`, source: { kind: 'file', path: EXAMPLE }, outputs: [], settings: { lang: 'en', cwd: out } }));

  it('so it never waits for the pool: a worker that renders only with a second job in hand renders them all', async () => {
    // sent one job at a time, this worker would wait for ever
    const marker = join(mkdtempSync(join(out, 'holding-')), 'started');
    const outcomes: RenderOutcome[] = [];
    await new WorkerPool(1, { filename: holdingWorker(marker, 3, false), options: { eval: true } }, messagesFor('en')).run(jobs, (outcome) => outcomes.push(outcome));
    expect(outcomes.map((o) => [o.id, o.ok])).toEqual([[0, true], [1, true], [2, true], [3, true]]);
  }, 20_000);

  it('a worker that dies fails the job it was rendering and gives back the one it had not started', async () => {
    const marker = join(mkdtempSync(join(out, 'holding-dies-')), 'started');
    const outcomes: RenderOutcome[] = [];
    await new WorkerPool(1, { filename: holdingWorker(marker, 3, true), options: { eval: true } }, messagesFor('en')).run(jobs, (outcome) => outcomes.push(outcome));
    expect(outcomes.map((o) => [o.id, o.ok]).sort()).toEqual([[0, false], [1, true], [2, true], [3, true]]);
    const failed = outcomes.find((o) => o.id === 0);
    expect(failed?.ok === false && failed.messages.join('')).toContain('died rendering job 0');
  }, 20_000);
});

describe('workers started before the jobs are known (warm)', () => {
  /** A stand-in worker that notes its start in `folder` and names its thread in each outcome. */
  const notingWorker = (folder: string, firstThrows: boolean) => `
    const { parentPort, threadId } = require('node:worker_threads');
    const fs = require('node:fs');
    const path = require('node:path');
    const first = fs.readdirSync(${JSON.stringify(folder)}).length === 0;
    fs.writeFileSync(path.join(${JSON.stringify(folder)}, String(threadId)), '');
    if (${firstThrows} && first) throw new Error('failed to start');
    parentPort.on('message', ({ job }) => {
      parentPort.postMessage({ type: 'rendered', id: job.id });
      parentPort.postMessage({ type: 'done', outcome: { id: job.id, name: job.name, ok: true, outputs: [String(threadId)], warnings: [] } });
    });`;
  const jobsOf = (count: number): RenderJob[] =>
    Array.from({ length: count }, (_, id) => ({ id, name: `${id}.json`, source: { kind: 'file', path: EXAMPLE }, outputs: [], settings: { lang: 'en', cwd: out } }));
  const started = async (folder: string, count: number) => {
    for (let tries = 0; tries < 200 && readdirSync(folder).length < count; tries++) await new Promise((done) => setTimeout(done, 25));
    return readdirSync(folder).sort();
  };

  it('gives the jobs to the workers it started, and starts no others', async () => {
    const folder = mkdtempSync(join(out, 'warm-'));
    const pool = new WorkerPool(2, { filename: notingWorker(folder, false), options: { eval: true } }, messagesFor('en'));
    pool.warm();
    const warmed = await started(folder, 2);
    expect(warmed).toHaveLength(2);
    const outcomes: RenderOutcome[] = [];
    await pool.run(jobsOf(6), (outcome) => outcomes.push(outcome));
    await pool.terminate();
    expect(outcomes.map((o) => o.ok)).toEqual(Array(6).fill(true));
    const threads = new Set(outcomes.flatMap((o) => (o.ok ? o.outputs : [])));
    expect([...threads].sort()).toEqual(warmed);
    expect(readdirSync(folder).sort()).toEqual(warmed);
  });

  it('replaces a warmed worker that failed before it was given a job', async () => {
    const folder = mkdtempSync(join(out, 'warm-fails-'));
    const pool = new WorkerPool(1, { filename: notingWorker(folder, true), options: { eval: true } }, messagesFor('en'));
    pool.warm();
    await started(folder, 1);
    // its failure heard before run (a failure heard later fails the job, as without warm())
    const warmed = (pool as unknown as { warmed: { died: boolean }[] }).warmed;
    for (let tries = 0; tries < 400 && !warmed[0]?.died; tries++) await new Promise((done) => setTimeout(done, 25));
    expect(warmed[0]?.died).toBe(true);
    const outcomes: RenderOutcome[] = [];
    await pool.run(jobsOf(3), (outcome) => outcomes.push(outcome));
    await pool.terminate();
    expect(outcomes.map((o) => [o.id, o.ok])).toEqual([[0, true], [1, true], [2, true]]);
    expect(readdirSync(folder)).toHaveLength(2);
  });
});

describe('the end of the queue', () => {
  it('sends one job at a time once no more are left than workers, so none waits behind a slow one', async () => {
    // a stand-in worker: job 0 takes half a second, the others none; each outcome names its thread
    const script = `
      const { parentPort, threadId } = require('node:worker_threads');
      let chain = Promise.resolve();
      parentPort.on('message', ({ job }) => {
        chain = chain.then(() => new Promise((done) => setTimeout(done, job.id === 0 ? 500 : 0))).then(() => {
          parentPort.postMessage({ type: 'rendered', id: job.id });
          parentPort.postMessage({ type: 'done', outcome: { id: job.id, name: job.name, ok: true, outputs: [String(threadId)], warnings: [] } });
        });
      });`;
    const jobs: RenderJob[] = [0, 1, 2].map((id) => ({ id, name: `${id}.json`, source: { kind: 'file', path: EXAMPLE }, outputs: [], settings: { lang: 'en', cwd: out } }));
    const outcomes: RenderOutcome[] = [];
    await new WorkerPool(2, { filename: script, options: { eval: true } }, messagesFor('en')).run(jobs, (outcome) => outcomes.push(outcome));
    const thread = (id: number) => {
      const outcome = outcomes.find((o) => o.id === id);
      return outcome?.ok ? outcome.outputs[0] : undefined;
    };
    expect(thread(0)).toBeDefined();
    // jobs 1 and 2 went to the other worker, and were done before the slow job
    expect(thread(1)).not.toBe(thread(0));
    expect(thread(2)).not.toBe(thread(0));
    expect(outcomes.map((o) => o.id)).toEqual([1, 2, 0]);
  });
});
