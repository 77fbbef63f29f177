// `postwire config export [--dir DIR | --config FILE]`: every domain and account as YAML on stdout.
import { exportConfig, renderConfigYaml } from '../config/transfer/export-config';
import { openConfigApp } from './config-app';
import { resolveDataBootstrap, type DataOptions } from './data-options';

export async function configExport(options: DataOptions, out: NodeJS.WritableStream): Promise<void> {
  const app = await openConfigApp(resolveDataBootstrap(options));
  try {
    out.write(renderConfigYaml(exportConfig(app.view)));
  } finally {
    await app.close();
  }
}
