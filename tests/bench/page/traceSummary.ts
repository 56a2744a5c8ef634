// Reading a Chromium trace (CDP Tracing, the Performance panel's format): the
// CPU time of the page's main thread and of its worker, taken from the tasks'
// thread durations (tdur, CPU time, so less sensitive to other load than wall
// time), and the functions with the most self time in the sampling profiler's
// chunks, per thread.

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly id?: string;
  readonly args?: Record<string, unknown>;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface ChunkData {
  readonly cpuProfile?: { readonly nodes?: ProfileNode[]; readonly samples?: number[] };
  readonly timeDeltas?: number[];
}

/** Names the source module of a bundle position (file name, 1-based line), or null when unknown. */
export type ModuleOf = (file: string, line: number) => string | null;

/** Self time per source module, from the module comments an unminified bundle carries ("// src/panels/…"). */
export function bundleModules(files: ReadonlyMap<string, string>): ModuleOf {
  const starts = new Map<string, { line: number; module: string }[]>();
  for (const [name, text] of files) {
    const list: { line: number; module: string }[] = [];
    text.split('\n').forEach((line, i) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
      if (m) list.push({ line: i + 1, module: m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*/, '$1') });
    });
    starts.set(name, list);
  }
  return (file, line) => {
    const list = starts.get(file);
    if (!list) return null;
    let found: string | null = null;
    for (const s of list) {
      if (s.line > line) break;
      found = s.module;
    }
    return found;
  };
}

export interface ThreadCost {
  readonly thread: string;
  /** CPU milliseconds of the thread's top-level tasks. */
  readonly cpuMs: number;
  /** Self time (ms, sampled) of the costliest functions, highest first. */
  readonly top: readonly { readonly name: string; readonly ms: number }[];
  /** Self time per source module (with a ModuleOf), highest first. */
  readonly modules: readonly { readonly name: string; readonly ms: number }[];
}

/** Category list for Tracing.start: the timeline, its task CPU times and the sampling profiler. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

const THREADS: Readonly<Record<string, string>> = { CrRendererMain: 'main', DedicatedWorker: 'worker' };
const TOP_LEVEL_TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

function threadLabel(name: string): string | null {
  for (const [prefix, label] of Object.entries(THREADS)) if (name.startsWith(prefix)) return label;
  return null;
}

/** Sums the CPU time of non-overlapping top-level tasks of one thread (nested RunTasks are not counted twice). */
function taskCpu(events: readonly TraceEvent[]): number {
  const tasks = events.filter((e) => e.ph === 'X' && TOP_LEVEL_TASKS.has(e.name)).sort((a, b) => a.ts - b.ts);
  let end = -Infinity;
  let cpu = 0;
  for (const t of tasks) {
    if (t.ts < end) continue;
    end = t.ts + (t.dur ?? 0);
    cpu += t.tdur ?? t.dur ?? 0;
  }
  return cpu / 1000;
}

/** Self time per function from the profile chunks of one profile id. */
function selfTimes(chunks: readonly TraceEvent[], moduleOf: ModuleOf): { self: Map<string, number>; modules: Map<string, number> } {
  const names = new Map<number, string>();
  const moduleNames = new Map<number, string>();
  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  for (const chunk of chunks) {
    const data = (chunk.args?.data ?? {}) as ChunkData;
    for (const node of data.cpuProfile?.nodes ?? []) {
      const f = node.callFrame;
      const file = f.url ? f.url.slice(f.url.lastIndexOf('/') + 1) : '';
      const module = file ? moduleOf(file, f.lineNumber + 1) : null;
      names.set(node.id, file ? `${f.functionName || '(anonymous)'} ${module ?? file}:${f.lineNumber + 1}` : f.functionName);
      moduleNames.set(node.id, module ?? (file || f.functionName));
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const name = names.get(samples[i]) ?? '(unknown)';
      // A sample's time is the gap to the next one; the chunk's last sample takes its own delta.
      const us = deltas[i + 1] ?? deltas[i] ?? 0;
      self.set(name, (self.get(name) ?? 0) + us);
      const module = moduleNames.get(samples[i]) ?? '(unknown)';
      modules.set(module, (modules.get(module) ?? 0) + us);
    }
  }
  return { self, modules };
}

/** The main thread and worker of the renderer that did the most work on its main thread. */
export function summariseTrace(trace: { traceEvents: TraceEvent[] } | TraceEvent[], moduleOf: ModuleOf = () => null, topN = 12): ThreadCost[] {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name ?? ''));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!threadLabel(threadNames.get(key) ?? '')) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  // Profile chunks are keyed by profile id, whose Profile event sits on the sampled thread.
  const profileThread = new Map<string, string>();
  for (const e of events) if (e.name === 'Profile' && e.id) profileThread.set(`${e.pid}:${e.id}`, `${e.pid}:${e.tid}`);
  const chunksOf = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const thread = profileThread.get(`${e.pid}:${e.id}`) ?? `${e.pid}:${e.tid}`;
    let list = chunksOf.get(thread);
    if (!list) chunksOf.set(thread, (list = []));
    list.push(e);
  }
  const mains = [...byThread.entries()].filter(([key]) => threadLabel(threadNames.get(key) ?? '') === 'main');
  const busiest = mains.map(([key, list]) => ({ key, cpu: taskCpu(list) })).sort((a, b) => b.cpu - a.cpu)[0];
  if (!busiest) return [];
  const pid = busiest.key.split(':')[0];
  const out: ThreadCost[] = [];
  for (const [key, list] of byThread) {
    if (!key.startsWith(`${pid}:`)) continue;
    const { self, modules } = selfTimes(chunksOf.get(key) ?? [], moduleOf);
    self.delete('(idle)');
    modules.delete('(idle)');
    const rank = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([name, us]) => ({ name, ms: us / 1000 }));
    out.push({ thread: threadLabel(threadNames.get(key) ?? '') ?? key, cpuMs: taskCpu(list), top: rank(self), modules: rank(modules) });
  }
  return out.sort((a, b) => (a.thread === 'main' ? -1 : b.thread === 'main' ? 1 : b.cpuMs - a.cpuMs));
}
