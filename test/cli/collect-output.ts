// A writable stream that keeps what CLI commands print, for tests.
import { Writable } from 'node:stream';

export class CollectedOutput extends Writable {
  private chunks: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}
