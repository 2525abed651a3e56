/**
 * Instance state, in memory or in a JSON file shared by several processes (several `pulumi` runs, emulator
 * restarts). The file is re-read whenever it changed on disk and rewritten atomically (tmp + rename) after
 * every mutation. All file work is synchronous, so inside one process a read-modify-write never interleaves;
 * across processes the last writer wins, which is fine for one user driving one stack at a time.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { statusAt } from "./phases.js";
import { emptyState, type State } from "./state.js";

export class Store {
  private state: State = emptyState();
  private readonly stateFile?: string;
  private readonly now: () => number;
  /** inode, mtime (ns) and size of the file as last read or written: a change means another writer. */
  private signature?: string;

  constructor(options: { stateFile?: string; now?: () => number } = {}) {
    this.stateFile = options.stateFile;
    this.now = options.now ?? Date.now;
    if (this.stateFile !== undefined) {
      mkdirSync(dirname(this.stateFile), { recursive: true });
      this.reloadIfChanged();
    }
  }

  /** The current state; treat it as read-only (use `mutate` to change it). */
  read(): State {
    this.reloadIfChanged();
    return this.state;
  }

  /** Applies `change` to fresh state, drops records whose deletion has finished, and persists the result. */
  mutate<T>(change: (state: State) => T): T {
    this.reloadIfChanged();
    const now = this.now();
    this.state.instances = this.state.instances.filter((r) => statusAt(r.timeline, now) !== "GONE");
    this.state.notebooks = this.state.notebooks.filter((r) => statusAt(r.timeline, now) !== "GONE");
    for (const notebook of this.state.notebooks) {
      notebook.mounts = notebook.mounts.filter((m) => statusAt(m.timeline, now) !== "GONE");
    }
    const result = change(this.state);
    this.persist();
    return result;
  }

  /** Forgets every instance, notebook and sold-out mark. */
  reset(): void {
    this.mutate((state) => {
      Object.assign(state, emptyState());
    });
  }

  private fileSignature(): string | undefined {
    try {
      const s = statSync(this.stateFile!, { bigint: true });
      return `${s.ino}:${s.mtimeNs}:${s.size}`;
    } catch {
      return undefined;
    }
  }

  private reloadIfChanged(): void {
    if (this.stateFile === undefined) return;
    const signature = this.fileSignature();
    if (signature === this.signature) return;
    if (signature === undefined) {
      // The file was removed (or never existed): start empty, as a fresh service would.
      this.state = emptyState();
      this.signature = undefined;
      return;
    }
    try {
      const parsed = JSON.parse(readFileSync(this.stateFile, "utf8")) as Partial<State>;
      this.state = { ...emptyState(), ...parsed, version: 1 };
      this.signature = signature;
    } catch {
      // Writes are atomic, so a parse failure means someone edited the file by hand: keep what we had.
    }
  }

  private persist(): void {
    if (this.stateFile === undefined) return;
    const tmp = `${this.stateFile}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state, null, 2));
    renameSync(tmp, this.stateFile);
    this.signature = this.fileSignature();
  }
}
