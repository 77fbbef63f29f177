// `postwire dsn parse FILE...`: one JSON line per file (DESIGN §3). A file that cannot be read gets a line with
// an "Error" field and makes the exit code 1; the other files are still parsed.
import { readFile } from 'node:fs/promises';
import { parseBounce } from '../dsn';

function write(out: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(`${line}\n`, (error) => (error ? reject(error) : resolve()));
  });
}

export async function dsnParseCommand(files: string[], out: NodeJS.WritableStream): Promise<number> {
  let exitCode = 0;
  for (const file of files) {
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch (error) {
      exitCode = 1;
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      await write(out, JSON.stringify({ File: file, Error: `reading ${file}: ${reason}` }));
      continue;
    }
    const report = parseBounce(content);
    await write(out, JSON.stringify({ File: file, Bounce: report.Bounce, Recipients: report.Recipients }));
  }
  return exitCode;
}
