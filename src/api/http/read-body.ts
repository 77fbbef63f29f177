// Reads a request body into memory, up to the server's request size limit. Only authenticated calls get
// here, so an anonymous client cannot make the server buffer anything. Past the limit the rest of the
// body is read and dropped rather than the connection cut, so the client sees the 413 answer instead of
// a reset while it is still sending.
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api-error';

export function tooLarge(limit: number): ApiError {
  return new ApiError('tooLarge', `request body is larger than ${limit} bytes, the limit of this server (limits.maxRequestSize); send fewer or smaller files per call`);
}

export function readBody(raw: IncomingMessage, limit: number): Promise<Buffer> {
  // RFC 9110 §8.6: a declared length over the limit is refused before anything is read.
  const declared = Number(raw.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err?: Error) => {
      raw.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        stop(tooLarge(limit));
        raw.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => stop();
    const onError = (err: Error) => stop(err);
    const onAborted = () => stop(new ApiError('protocol', 'the connection closed before the request body was complete'));
    raw.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
    if (raw.readableEnded) stop();
  });
}
