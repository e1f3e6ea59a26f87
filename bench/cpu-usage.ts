import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, in ms) used so far by process groups on this machine, read from /proc:
 * the app server, every PostgreSQL process, and everything else (load generator, SMTP sink, other
 * sessions). Dividing a phase's difference by its request count gives the core-ms each request
 * costs, which says what to cut when a figure is bound by the machine's two cores.
 */
export interface CpuSample { server: number; postgres: number; total: number; serverKernel: number; postgresKernel: number }

const TICK_MS = 10; // USER_HZ is 100 on Linux

function procTimes(pid: string): { comm: string; ms: number; kernelMs: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' ');
    // fields after the command: state(0) … utime(11) stime(12)
    return { comm, ms: (Number(f[11]) + Number(f[12])) * TICK_MS, kernelMs: Number(f[12]) * TICK_MS };
  } catch {
    return null; // exited between listing and reading
  }
}

/** A sample of CPU used so far; `serverPid` is the app server's process id. */
export function sampleCpu(serverPid: number | undefined): CpuSample {
  let postgres = 0;
  let server = 0;
  let postgresKernel = 0;
  let serverKernel = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const t = procTimes(pid);
    if (!t) continue;
    if (t.comm === 'postgres') {
      postgres += t.ms;
      postgresKernel += t.kernelMs;
    }
    if (Number(pid) === serverPid) {
      server = t.ms;
      serverKernel = t.kernelMs;
    }
  }
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
  const total = (cpu.reduce((a, b) => a + b, 0) - (cpu[3] ?? 0) - (cpu[4] ?? 0)) * TICK_MS;
  return { server, postgres, total, serverKernel, postgresKernel };
}

/** Core-ms per request between two samples, by group; in brackets the part spent in the kernel (sockets, page faults). */
export function cpuPerRequest(a: CpuSample, b: CpuSample, requests: number): string {
  const per = (x: number) => (x / requests).toFixed(1);
  const server = b.server - a.server;
  const pg = b.postgres - a.postgres;
  const total = b.total - a.total;
  const kernel = (x: number) => ` (kernel ${per(x)})`;
  return `CPU per request: server ${per(server)} ms${kernel(b.serverKernel - a.serverKernel)}, PostgreSQL ${per(pg)} ms${kernel(b.postgresKernel - a.postgresKernel)}, rest of the machine ${per(total - server - pg)} ms`;
}

/** CPU (user + system, ms) used so far by each kind of thread of a process, by thread name. */
export function sampleThreads(pid: number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (pid === undefined) return out;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const t = procTimes(`${pid}/task/${tid}`);
    if (t) out.set(t.comm, (out.get(t.comm) ?? 0) + t.ms);
  }
  return out;
}

/**
 * Core-ms per request by thread name between two `sampleThreads` samples: the JavaScript thread
 * (named after the process) against V8's helpers (garbage collection, compilers) and libuv's pool.
 */
export function threadsPerRequest(a: Map<string, number>, b: Map<string, number>, requests: number): string {
  return [...b]
    .map(([name, ms]) => [name, (ms - (a.get(name) ?? 0)) / requests] as const)
    .filter(([, ms]) => ms >= 0.05)
    .sort((x, y) => y[1] - x[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(', ');
}
