// Resident memory of the Chromium renderer that hosts a page, read from /proc
// (Linux). Playwright's launch() hands back no process handle, so the browser
// is found as a child of this test process and its renderers among its
// descendants. Besides the page's renderer Chromium keeps a spare one and one
// for its own UI; the page's is the one running the app's training worker.
import { readFileSync, readdirSync } from 'node:fs';

interface ProcessInfo {
  pid: number;
  parent: number;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process ended while we looked
  }
}

function processes(): ProcessInfo[] {
  const list: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = /^PPid:\s+(\d+)/m.exec(readOrEmpty(`/proc/${entry}/status`));
    if (parent) list.push({ pid: Number(entry), parent: Number(parent[1]) });
  }
  return list;
}

function descendantsOf(root: number): number[] {
  const all = processes();
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    for (const p of all) {
      if (p.parent !== pid) continue;
      found.push(p.pid);
      queue.push(p.pid);
    }
  }
  return found;
}

function threadNames(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map((tid) => readOrEmpty(`/proc/${pid}/task/${tid}/comm`).trim());
  } catch {
    return [];
  }
}

/** The renderer process (started by this test process's browser) that runs a dedicated worker, or null. */
export function workerRendererPid(): number | null {
  for (const pid of descendantsOf(process.pid)) {
    // Chromium rewrites its command line, so the arguments may be joined by spaces rather than NULs.
    const args = readOrEmpty(`/proc/${pid}/cmdline`).split(/[\0 ]/);
    if (!args.includes('--type=renderer')) continue;
    if (threadNames(pid).some((name) => name.startsWith('DedicatedWorker'))) return pid;
  }
  return null;
}

export interface ResidentMemory {
  /** VmRSS: every resident page, shared code included, in bytes. */
  total: number;
  /** RssAnon: the process's own heap and buffers, in bytes. */
  anonymous: number;
}

/** The process's resident memory now, or null once it has gone. */
export function residentMemory(pid: number): ResidentMemory | null {
  const status = readOrEmpty(`/proc/${pid}/status`);
  const total = /^VmRSS:\s+(\d+) kB/m.exec(status);
  const anonymous = /^RssAnon:\s+(\d+) kB/m.exec(status);
  if (!total || !anonymous) return null;
  return { total: Number(total[1]) * 1024, anonymous: Number(anonymous[1]) * 1024 };
}
