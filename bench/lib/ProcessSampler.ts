/**
 * Samples /proc for the processes of one CLI run (same process group, or same working directory) whose command
 * line matches, and keeps each one's RSS high-water mark (VmHWM: the kernel's own peak, so a sample taken any
 * time before the process exits sees the true peak up to then).
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export interface ProcessPeak {
  pid: number;
  cmdline: string;
  /** Highest VmHWM seen, in kB. */
  vmHwmKb: number;
  /** Highest VmRSS seen, in kB. */
  vmRssKb: number;
  samples: number;
}

export class ProcessSampler {
  private readonly seen = new Map<number, ProcessPeak>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      pgid: number;
      cwd: string;
      match: (cmdline: string) => boolean;
      intervalMs?: number;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), this.options.intervalMs ?? 200);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  peaks(): ProcessPeak[] {
    return [...this.seen.values()];
  }

  sample(): void {
    let pids: string[];
    try {
      pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
    } catch {
      return;
    }
    for (const entry of pids) {
      const pid = Number(entry);
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`).toString().split("\0").join(" ").trim();
        if (!this.options.match(cmdline)) continue;
        if (!this.ours(pid)) continue;
        const status = readFileSync(`/proc/${pid}/status`).toString();
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        const peak = this.seen.get(pid) ?? { pid, cmdline, vmHwmKb: 0, vmRssKb: 0, samples: 0 };
        peak.vmHwmKb = Math.max(peak.vmHwmKb, hwm);
        peak.vmRssKb = Math.max(peak.vmRssKb, rss);
        peak.samples++;
        this.seen.set(pid, peak);
      } catch {
        // The process ended between readdir and read.
      }
    }
  }

  /** In the run's process group, or (should a plugin start its own group) working in the run's program directory. */
  private ours(pid: number): boolean {
    const stat = readFileSync(`/proc/${pid}/stat`).toString();
    // Fields after the parenthesised command name: state ppid pgrp ...
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === this.options.pgid) return true;
    try {
      return readlinkSync(`/proc/${pid}/cwd`) === this.options.cwd;
    } catch {
      return false;
    }
  }
}
