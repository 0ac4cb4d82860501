// Work on user-controlled text that may take seconds (Markdown parsing is superlinear on crafted
// input: 156 KB of "[a](" took ~10 s) runs here, in a worker thread with a time limit, so the
// server's event loop keeps answering everybody else. One warm worker runs one job at a time (the
// machine has two cores: one stays with the server); a job over its time limit has its worker
// terminated, and the next job gets a fresh one. Jobs wait in a short queue; a full queue or a long
// wait is refused as busy rather than piling up.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

export type TaskRequest = { id: number; task: string; input: unknown };
export type TaskReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };

/** The job ran past its time limit (or ran the worker out of memory or stack): the input is too costly. */
export class TaskTooCostlyError extends Error {
  constructor(readonly reason: "time" | "memory" | "crash") {
    super(`The task was stopped (${reason}).`);
    this.name = "TaskTooCostlyError";
  }
}

/** Too many jobs are waiting already. */
export class TaskBusyError extends Error {
  constructor() {
    super("Too many jobs are waiting.");
    this.name = "TaskBusyError";
  }
}

/** An error the task itself threw, carried across the thread boundary by name, message and code. */
export class TaskFailedError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "TaskFailedError";
  }
}

export type BoundedWorkerOptions = {
  /** Wall time one job may run in the worker. */
  timeLimitMs: number;
  /** Jobs that may wait while one runs; the next one is refused as busy. */
  maxQueued: number;
  /** Longest a job may wait for its turn before it is refused as busy. */
  maxWaitMs: number;
};

type Job = {
  task: string;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
  queuedAt: number;
};

export type WorkerEntry = {
  /**
   * Must be `() => new Worker(new URL("./entry.ts", import.meta.url), { resourceLimits: { … } })`
   * written out literally, options included: Next.js (Turbopack) bundles the entry only for that
   * shape; with options passed in a variable it copies the .ts file as an asset instead.
   */
  spawn: () => Worker;
  /** file: URL of the entry's TypeScript source, for vitest and the tsx CLIs, which run the sources unbundled. */
  sourceUrl: string;
  /** The same limits as in `spawn`, for the unbundled worker (heap: a parse tree of crafted input can be large). */
  resourceLimits: NonNullable<WorkerOptions["resourceLimits"]>;
};

// Inside Next.js the entry is bundled JavaScript. Elsewhere (vitest, `tsx scripts/…`) it is a .ts
// file, and a worker thread does not inherit the parent's loader: it registers tsx itself first
// (Node 20 ignores `--import` in a worker's execArgv).
const RUNS_FROM_SOURCE = !process.env.NEXT_RUNTIME;

function spawnFromSource(sourceUrl: string, options: WorkerOptions): Worker {
  const tsx = pathToFileURL(path.join(process.cwd(), "node_modules", "tsx", "dist", "esm", "api", "index.mjs")).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(sourceUrl)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Longest a fresh worker may take to load its code (a loaded machine, or tsx compiling the sources). */
const STARTUP_LIMIT_MS = 60_000;

export function createBoundedWorker(entry: WorkerEntry, options: BoundedWorkerOptions) {
  let worker: { thread: Worker; ready: boolean } | null = null;
  let running: (Job & { id: number; timer?: NodeJS.Timeout }) | null = null;
  const queue: Job[] = [];
  let nextId = 1;

  function finish(outcome: { value: unknown } | { error: Error }) {
    const job = running;
    if (!job) return;
    running = null;
    clearTimeout(job.timer);
    if ("error" in outcome) job.reject(outcome.error);
    else job.resolve(outcome.value);
    worker?.thread.unref(); // idle: never keeps a CLI or test process alive
    startNext();
  }

  function discardWorker() {
    const old = worker?.thread;
    worker = null;
    old?.removeAllListeners();
    old?.on("error", () => undefined);
    void old?.terminate();
  }

  /** The job's clock: its time limit once the worker is ready, the start-up limit before that. */
  function startClock() {
    if (!running) return;
    clearTimeout(running.timer);
    const ready = worker?.ready ?? false;
    running.timer = setTimeout(
      () => {
        if (!ready) console.error("[bounded-worker] the worker did not start in time");
        discardWorker();
        finish({ error: new TaskTooCostlyError(ready ? "time" : "crash") });
      },
      ready ? options.timeLimitMs : STARTUP_LIMIT_MS,
    );
  }

  function ensureWorker(): Worker {
    if (worker) return worker.thread;
    const thread = RUNS_FROM_SOURCE
      ? spawnFromSource(entry.sourceUrl, { resourceLimits: entry.resourceLimits })
      : entry.spawn();
    const self = { thread, ready: false };
    thread.on("message", (reply: TaskReply | { ready: true }) => {
      if ("ready" in reply) {
        self.ready = true;
        if (worker === self) startClock(); // the waiting job's time limit starts now
      } else if (running && reply.id === running.id) {
        finish(
          reply.ok
            ? { value: reply.value }
            : { error: new TaskFailedError(reply.error.name, reply.error.message, reply.error.code) },
        );
      }
    });
    thread.on("error", (e: Error & { code?: string }) => {
      // A crafted input can do this (out of memory); anything else is a bug worth seeing in the log.
      if (e.code !== "ERR_WORKER_OUT_OF_MEMORY") console.error("[bounded-worker] worker failed", e);
      discardWorker();
      finish({ error: new TaskTooCostlyError(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash") });
    });
    thread.on("exit", (code) => {
      if (worker !== self) return;
      console.error(`[bounded-worker] worker exited (${code})`);
      worker = null;
      finish({ error: new TaskTooCostlyError("crash") });
    });
    worker = self;
    return thread;
  }

  function startNext() {
    if (running) return;
    let job: Job | undefined;
    while ((job = queue.shift())) {
      if (Date.now() - job.queuedAt <= options.maxWaitMs) break;
      job.reject(new TaskBusyError());
    }
    if (!job) return;
    const id = nextId++;
    running = { ...job, id };
    try {
      const thread = ensureWorker();
      startClock();
      thread.ref();
      thread.postMessage({ id, task: job.task, input: job.input } satisfies TaskRequest);
    } catch (e) {
      discardWorker();
      finish({ error: e instanceof Error ? e : new Error(String(e)) });
    }
  }

  return {
    run<T>(task: string, input: unknown): Promise<T> {
      if (queue.length >= options.maxQueued) return Promise.reject(new TaskBusyError());
      return new Promise<T>((resolve, reject) => {
        queue.push({ task, input, resolve: resolve as (value: unknown) => void, reject, queuedAt: Date.now() });
        startNext();
      });
    },
    /** Stops the worker (tests; a server never needs to). */
    async close(): Promise<void> {
      discardWorker();
    },
  };
}

/** The worker side: answers each request with its task's result, or the error it threw. */
export function serveTasks(
  port: {
    on(event: "message", listener: (request: TaskRequest) => void): unknown;
    postMessage(reply: TaskReply | { ready: true }): void;
  },
  tasks: Record<string, (input: never) => unknown>,
) {
  port.on("message", ({ id, task, input }) => {
    try {
      const run = Object.hasOwn(tasks, task) ? tasks[task] : undefined;
      if (!run) throw new Error(`unknown task ${task}`);
      port.postMessage({ id, ok: true, value: run(input as never) });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      port.postMessage({
        id,
        ok: false,
        error: {
          name: error.name,
          message: error.message,
          code:
            (error as { code?: unknown }).code === undefined ? undefined : String((error as { code?: unknown }).code),
        },
      });
    }
  });
  // Loaded: from now on a job's time is its own work, not the loading of this code.
  port.postMessage({ ready: true });
}
