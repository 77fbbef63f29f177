// Shutdown of a worker's in-flight work: let it finish within a bound, then cut what is left (the caller's
// `cut` aborts it, so it ends promptly and records itself as interrupted) and wait for it to end.

/** Resolves once every promise has settled; calls `cut` first when that takes longer than `ms`. */
export async function drainWithin(work: Iterable<Promise<unknown>>, ms: number, cut: () => void): Promise<void> {
  const all = Promise.allSettled([...work]);
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  const first = await Promise.race([all, bound]);
  clearTimeout(timer);
  if (first === 'timeout') {
    cut();
    await all;
  }
}
