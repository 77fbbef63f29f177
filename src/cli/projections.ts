// `postwire projections status|rebuild [NAME...]`
import { allProjections } from '../../projections';
import { ensureCatalog, readCatalog } from '../projecting/projection-catalog';
import { rebuildProjections } from '../projecting/rebuild';
import { CliError, resolveDataBootstrap, type DataOptions } from './data-options';
import { openData } from './open-data';
import { formatDuration, ProgressBar } from './progress-bar';

function pick(names: string[]) {
  if (names.length === 0) return allProjections;
  return names.map((name) => {
    const definition = allProjections.find((p) => p.name === name);
    if (!definition) throw new CliError(`no projection named ${name}; known: ${allProjections.map((p) => p.name).join(', ')}`);
    return definition;
  });
}

export async function projectionsStatus(names: string[], options: DataOptions & { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const definitions = pick(names);
  const data = await openData(resolveDataBootstrap(options));
  try {
    ensureCatalog(data.readDb);
    const head = await data.store.headPosition();
    const rows = definitions.map((d) => {
      const entry = readCatalog(data.readDb, d.name);
      const position = entry?.position ?? -1;
      return {
        Name: d.name,
        Version: d.version,
        BuiltVersion: entry?.version ?? null,
        Position: position,
        Head: head,
        Lag: Math.max(0, head - position),
        State: entry === null ? 'not built' : entry.error ? `stopped: ${entry.error}` : entry.version !== d.version ? 'rebuild pending (version changed)' : position >= head ? 'up to date' : 'behind',
      };
    });
    if (options.json) {
      for (const r of rows) out.write(`${JSON.stringify(r)}\n`);
      return;
    }
    const header = ['projection', 'version', 'position', 'head', 'lag', 'state'];
    const table = rows.map((r) => [r.Name, String(r.Version), String(r.Position), String(r.Head), String(r.Lag), r.State]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
    for (const line of [header, ...table]) out.write(`${line.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()}\n`);
  } finally {
    await data.close();
  }
}

export async function projectionsRebuild(names: string[], options: DataOptions, out: NodeJS.WritableStream): Promise<void> {
  const definitions = pick(names);
  const data = await openData(resolveDataBootstrap(options));
  try {
    ensureCatalog(data.readDb);
    const bar = new ProgressBar();
    const label = definitions.map((d) => d.name).join(', ');
    const result = await rebuildProjections(data.store, data.readDb, definitions, {
      onProgress: (p) => {
        const fraction = p.target > 0 ? Math.max(0, p.position) / p.target : 1;
        bar.update(fraction, `${p.events} events, ${p.eventsPerSecond} events/s, ETA ${formatDuration(p.etaSeconds)}`);
      },
    });
    bar.done(`rebuilt ${label} from ${result.events} events at ${result.eventsPerSecond} events/s`);
    out.write(`rebuilt ${label} (${result.events} events, up to position ${result.position})\n`);
  } finally {
    await data.close();
  }
}
