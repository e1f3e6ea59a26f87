import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, in ms) used so far by process groups on this machine, read from /proc:
 * the app server, every PostgreSQL process, and everything else (load generator, SMTP sink, other
 * sessions). Dividing a phase's difference by its request count gives the core-ms each request
 * costs, which says what to cut when a figure is bound by the machine's two cores.
 */
export interface CpuSample { server: number; postgres: number; total: number }

const TICK_MS = 10; // USER_HZ is 100 on Linux

function procTimes(pid: string): { comm: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' ');
    // fields after the command: state(0) … utime(11) stime(12)
    return { comm, ms: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return null; // exited between listing and reading
  }
}

/** A sample of CPU used so far; `serverPid` is the app server's process id. */
export function sampleCpu(serverPid: number | undefined): CpuSample {
  let postgres = 0;
  let server = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const t = procTimes(pid);
    if (!t) continue;
    if (t.comm === 'postgres') postgres += t.ms;
    if (Number(pid) === serverPid) server = t.ms;
  }
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
  const total = (cpu.reduce((a, b) => a + b, 0) - (cpu[3] ?? 0) - (cpu[4] ?? 0)) * TICK_MS;
  return { server, postgres, total };
}

/** Core-ms per request between two samples, by group. */
export function cpuPerRequest(a: CpuSample, b: CpuSample, requests: number): string {
  const per = (x: number) => (x / requests).toFixed(1);
  const server = b.server - a.server;
  const pg = b.postgres - a.postgres;
  const total = b.total - a.total;
  return `CPU per request: server ${per(server)} ms, PostgreSQL ${per(pg)} ms, rest of the machine ${per(total - server - pg)} ms`;
}
