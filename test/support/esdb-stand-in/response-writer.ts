// Writes a server-streaming call's responses one at a time, waiting for the transport to drain, and
// tells the pump when the client went away (cancelled, or the server shut down under it).
import type { ServerWritableStream } from '@grpc/grpc-js';

export class ResponseWriter<Response> {
  private readonly controller = new AbortController();

  constructor(private readonly call: ServerWritableStream<unknown, Response>) {
    const close = (): void => this.controller.abort();
    call.on('cancelled', close);
    call.on('close', close);
    call.on('finish', close);
  }

  /** Aborted once nothing more can be sent. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get closed(): boolean {
    return this.controller.signal.aborted || this.call.cancelled;
  }

  /** False when the call is gone and the pump should stop. */
  async send(message: Response): Promise<boolean> {
    if (this.closed) return false;
    if (!this.call.write(message)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.call.off('drain', done);
          this.signal.removeEventListener('abort', done);
          resolve();
        };
        this.call.on('drain', done);
        this.signal.addEventListener('abort', done);
      });
    }
    return !this.closed;
  }

  end(): void {
    if (!this.closed) this.call.end();
  }

  fail(error: unknown): void {
    if (!this.closed) this.call.emit('error', error);
  }
}
