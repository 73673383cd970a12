/**
 * Peak resident memory per benchmark phase.
 *
 * better-sqlite3 runs on the main thread and blocks it for the whole bulk insert (and
 * an `await` loop over its already-resolved lookups never yields to timers), so a
 * `setInterval` on the main thread would see nothing during exactly the phases that
 * matter. The sampler therefore runs in a worker thread: every 50 ms it reads
 * `process.memoryUsage.rss()` (the whole process's RSS, whichever thread asks) and keeps
 * the highest value for the current phase in shared memory. The main thread also
 * samples at each phase's start and end, so a phase shorter than 50 ms has a figure.
 *
 * The worker costs a few MB of RSS itself; it is running during every phase, so it
 * is part of every figure (and of the process's `maxRSS`) alike.
 */
import { Worker } from 'node:worker_threads';

const MAX_PHASES = 64;
const INTERVAL_MS = 50;

// Plain CommonJS, run with `eval` and no loader (`execArgv: []`): no TypeScript needed.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const phase = new Int32Array(workerData.phase);
const peaks = new Float64Array(workerData.peaks);
const samples = new Float64Array(workerData.samples);
setInterval(() => {
  const rss = process.memoryUsage.rss();
  const p = Atomics.load(phase, 0);
  if (rss > peaks[p]) peaks[p] = rss;
  samples[p] += 1;
}, ${INTERVAL_MS});
`;

export interface PhaseMemory {
  /** The highest RSS seen during the phase, in bytes. */
  peakRss: number;
  /** How many samples the worker took during the phase. */
  samples: number;
  /** `process.resourceUsage().maxRSS` at the end of the phase, in bytes (the process's peak so far). */
  maxRssSoFar: number;
}

export class MemorySampler {
  readonly #worker: Worker;
  readonly #phase = new Int32Array(new SharedArrayBuffer(4));
  readonly #peaks = new Float64Array(new SharedArrayBuffer(8 * MAX_PHASES));
  readonly #samples = new Float64Array(new SharedArrayBuffer(8 * MAX_PHASES));
  #next = 1; // phase 0 collects what happens between phases

  private constructor() {
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { phase: this.#phase.buffer, peaks: this.#peaks.buffer, samples: this.#samples.buffer },
    });
  }

  /** Starts the sampling thread and waits until it runs. */
  static async start(): Promise<MemorySampler> {
    const sampler = new MemorySampler();
    await new Promise<void>((resolve, reject) => {
      sampler.#worker.once('online', resolve);
      sampler.#worker.once('error', reject);
    });
    return sampler;
  }

  /** Measures `work` as one phase: its result and its memory figures. */
  async measure<T>(work: () => Promise<T> | T): Promise<{ result: T; memory: PhaseMemory }> {
    if (this.#next >= MAX_PHASES) throw new Error(`at most ${MAX_PHASES - 1} phases`);
    const index = this.#next++;
    this.#peaks[index] = process.memoryUsage.rss();
    Atomics.store(this.#phase, 0, index);
    try {
      const result = await work();
      const end = process.memoryUsage.rss();
      Atomics.store(this.#phase, 0, 0);
      return {
        result,
        memory: {
          peakRss: Math.max(this.#peaks[index]!, end),
          samples: this.#samples[index]!,
          maxRssSoFar: process.resourceUsage().maxRSS * 1024,
        },
      };
    } finally {
      Atomics.store(this.#phase, 0, 0);
    }
  }

  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}
