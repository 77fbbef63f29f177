// How times, durations, sizes and SMTP results read on the pages.
import { h } from './dom.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time as `2025-06-02 10:00:05` (the same on every browser, sortable by eye). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A <time> in local time; the exact RFC 3339 value is in its datetime and title. */
export function time(iso: string | null | undefined, options: { relative?: boolean } = {}): HTMLElement | string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const at = h('time', { datetime: iso, title: iso }, localTime(iso));
  return options.relative ? h('span', null, at, ' ', h('span', { class: 'muted' }, `(${relative(d)})`)) : at;
}

/** "in 5 min", "3 h ago", "now". */
export function relative(d: Date, now = new Date()): string {
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 5) return 'now';
  const amount = abs < 90 ? `${abs} s` : abs < 5400 ? `${Math.round(abs / 60)} min` : abs < 172800 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86400)} days`;
  return seconds > 0 ? `in ${amount}` : `${amount} ago`;
}

/** A duration in nanoseconds, as MsgResult and HookResult carry it. */
export function nanoseconds(ns: number): string {
  const ms = ns / 1e6;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** `250 2.0.0`: the reply code and the enhanced code, whose class digit MsgResult leaves out (RFC 3463). */
export function smtpCode(code: number, secode: string): string {
  if (!code) return '';
  return secode ? `${code} ${Math.floor(code / 100)}.${secode}` : String(code);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An on/off word with a class for its colour; the word itself carries the meaning. */
export function badge(text: string, kind: 'ok' | 'bad' | 'warn' | 'info'): HTMLElement {
  return h('span', { class: `badge ${kind}` }, text);
}
