// Runs the Postfix performance anchor (shared/anchors/postfix-anchor.sh: a private Postfix on loopback
// relaying into smtp-sink, driven by smtp-source) and reads its `metric=value` lines, so a benchmark can
// print Postwire's numbers as ratios to an MTA measured on the same machine in the same run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface AnchorOptions {
  /** The script; default $POSTFIX_ANCHOR or ../shared/anchors/postfix-anchor.sh beside the checkout. */
  script?: string;
  /** Messages per run. */
  n: number;
  concurrency: number[];
  repeats: number;
  /** A private directory for the Postfix instance (config, queue, logs); removed by the caller. */
  base: string;
  inPort: number;
  sinkPort: number;
  /** The whole script is killed after this long. */
  timeoutMs: number;
}

export interface AnchorResult {
  metrics: Map<string, string>;
  /** The script's stderr: per-run details, kept for the record. */
  details: string;
}

export function anchorScript(explicit?: string): string {
  // dist/bench/support/ -> the checkout -> shared/ beside it.
  const candidates = [explicit, process.env.POSTFIX_ANCHOR, resolve(__dirname, '../../../../shared/anchors/postfix-anchor.sh')];
  const found = candidates.find((c): c is string => typeof c === 'string' && existsSync(c));
  if (!found) throw new Error('postfix-anchor.sh not found: set POSTFIX_ANCHOR to its path (shared/anchors/postfix-anchor.sh)');
  return found;
}

/** `metric=value` lines; other lines are ignored. */
export function parseMetrics(text: string): Map<string, string> {
  const metrics = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([a-z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) metrics.set(match[1], match[2]);
  }
  return metrics;
}

export function runAnchor(options: AnchorOptions): Promise<AnchorResult> {
  if (process.getuid?.() !== 0) return Promise.reject(new Error('the Postfix anchor must run as root (it starts a private Postfix instance)'));
  const script = anchorScript(options.script);
  const env = {
    ...process.env,
    N: String(options.n),
    CONC: options.concurrency.join(' '),
    REPEATS: String(options.repeats),
    BASE: options.base,
    IN_PORT: String(options.inPort),
    SINK_PORT: String(options.sinkPort),
    // Each run is bounded; the script's own budget must fit inside ours.
    TIME_BUDGET: String(Math.max(30, Math.floor(options.timeoutMs / 1000) - 30)),
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', [script], { env, cwd: options.base, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`${script} exited with ${signal ?? code}: ${err.trim().split('\n').slice(-5).join(' | ')}`));
        return;
      }
      resolvePromise({ metrics: parseMetrics(out), details: err });
    });
  });
}

/** The anchor's number for a metric, or NaN when it is missing or "NA". */
export function metricNumber(result: AnchorResult | null, name: string): number {
  const value = result?.metrics.get(name);
  return value === undefined ? NaN : Number(value);
}

