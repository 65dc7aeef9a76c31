/**
 * CPU time of the processes a request passes through, read from /proc (Linux): the app (a process and its
 * descendants), PostgreSQL (every process named postgres: backends and the server's own workers), and this
 * process (the load generator). Clock ticks of utime + stime, in milliseconds.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  ms: number;
}

function procStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // The command name is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    stats.push({ pid: Number(entry), comm: text.slice(text.indexOf("(") + 1, close), ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
  }
  return stats;
}

export type Part = "app" | "postgres";

/** CPU milliseconds used so far by each process of the app (root pid and its descendants) and of PostgreSQL, and by this one. */
export interface CpuReading {
  processes: Map<number, { part: Part; ms: number }>;
  generator: number;
}

export function cpuReading(appPid: number): CpuReading {
  const stats = procStats();
  const inApp = new Set([appPid]);
  // Repeat until no process joins: a child may be listed before its parent.
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) if (!inApp.has(s.pid) && inApp.has(s.ppid)) grew = Boolean(inApp.add(s.pid));
  }
  const processes = new Map<number, { part: Part; ms: number }>();
  for (const s of stats) {
    if (inApp.has(s.pid)) processes.set(s.pid, { part: "app", ms: s.ms });
    else if (s.comm === "postgres") processes.set(s.pid, { part: "postgres", ms: s.ms });
  }
  const own = process.cpuUsage();
  return { processes, generator: (own.user + own.system) / 1000 };
}

export type CpuSpent = Record<Part | "generator", number>;

/** CPU milliseconds spent between two readings; a process that ended in between is not counted (pools keep theirs). */
export function cpuSpent(from: CpuReading, to: CpuReading): CpuSpent {
  const spent: CpuSpent = { app: 0, postgres: 0, generator: to.generator - from.generator };
  for (const [pid, { part, ms }] of to.processes) spent[part] += ms - (from.processes.get(pid)?.ms ?? 0);
  return spent;
}
