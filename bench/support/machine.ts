// What a benchmark records about the machine it ran on, and CPU counters from /proc (Linux) for the
// CPU a process, or the whole machine, spent during a measurement.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export function machineLine(): string {
  const list = cpus();
  return `${list[0]?.model ?? 'unknown CPU'}, ${list.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
}

/** "1.23 1.10 0.98" (1, 5, 15 minutes): other work competing for the same cores. */
export const loadLine = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const TICKS_PER_SECOND = 100;

/** CPU (user + system) of a process and its waited-for children, in ms; NaN when it cannot be read. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Resident set size of a process in bytes; NaN when it cannot be read. */
export function processRssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Busy CPU of the whole machine (all cores) in ms, as the anchor counts it. */
export function machineBusyMs(): number {
  try {
    const v = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1, 9).map(Number);
    return ((v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}
