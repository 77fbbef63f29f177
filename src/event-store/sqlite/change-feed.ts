// Wakes live subscriptions when the log may have grown: at once after a commit made by this process, and
// through a cheap poll for commits made by another process on the same file (a CLI command). The poll reads
// PRAGMA data_version, which changes whenever another connection committed
// (https://www.sqlite.org/pragma.html#pragma_data_version); it runs only while a subscription waits.

export class ChangeFeed {
  private version = 0;
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  // Kept across pauses of the poll, so a commit made while nobody waited still counts as a change.
  private lastDataVersion: number | undefined;

  constructor(
    private readonly readDataVersion: () => number,
    private readonly pollIntervalMs: number,
  ) {
    this.lastDataVersion = this.safeDataVersion();
  }

  /** Counts the wake-ups so far; pass it to `changedSince` to not miss one that happens in between. */
  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    const waiters = [...this.waiters];
    this.waiters.clear();
    this.updateTimer();
    for (const wake of waiters) wake();
  }

  /** Resolves at the next change after `since`, or when `cancel` is called. */
  changedSince(since: number): { changed: Promise<void>; cancel(): void } {
    let wake: () => void = () => undefined;
    const changed = new Promise<void>((resolve) => (wake = resolve));
    if (this.version !== since) {
      wake();
      return { changed, cancel: () => undefined };
    }
    this.waiters.add(wake);
    this.updateTimer();
    return {
      changed,
      cancel: () => {
        this.waiters.delete(wake);
        this.updateTimer();
        wake();
      },
    };
  }

  close(): void {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    this.updateTimer();
  }

  private updateTimer(): void {
    if (this.waiters.size > 0 && !this.timer) {
      this.timer = setInterval(() => this.poll(), this.pollIntervalMs);
    } else if (this.waiters.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private poll(): void {
    const version = this.safeDataVersion();
    if (version !== this.lastDataVersion) {
      this.lastDataVersion = version;
      this.notify();
    }
  }

  private safeDataVersion(): number | undefined {
    try {
      return this.readDataVersion();
    } catch {
      return undefined; // a failing read surfaces in the subscription's own next read
    }
  }
}
