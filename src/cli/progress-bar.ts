// A progress line on stderr: redrawn in place on a terminal, one line every few seconds otherwise (logs).
export class ProgressBar {
  private lastLine = 0;
  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(fraction: number, label: string, force = false): void {
    const now = Date.now();
    if (this.out.isTTY) {
      if (!force && now - this.lastLine < 100) return;
      const width = 30;
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
      this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}% ${label}\x1b[K`);
    } else {
      if (!force && now - this.lastLine < 2000) return;
      this.out.write(`${(fraction * 100).toFixed(1)}% ${label}\n`);
    }
    this.lastLine = now;
  }

  done(label: string): void {
    this.out.write(this.out.isTTY ? `\r${label}\x1b[K\n` : `${label}\n`);
  }
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
