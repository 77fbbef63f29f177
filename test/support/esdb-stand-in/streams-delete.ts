// Streams.Delete (soft delete: the stream reads as not found and may be written again, revisions
// continuing) and Streams.Tombstone (hard delete: the stream can never be read or written again).
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { DeleteReq, DeleteResp, TombstoneReq, TombstoneResp } from '@eventstore/db-client/generated/streams_pb';
import type { StandInDatabase } from './database';
import { expectedVersionOf, streamNameOf } from './messages';
import { invalidArgumentError, streamDeletedError, wrongExpectedVersionError } from './rpc-errors';

type Callback<T> = sendUnaryData<T>;

function runDelete(db: StandInDatabase, options: DeleteReq.Options | TombstoneReq.Options | undefined, hard: boolean): bigint {
  if (!options) throw invalidArgumentError('options are required');
  const streamId = streamNameOf(options.getStreamIdentifier());
  const expected = expectedVersionOf(options);
  const outcome = db.deleteStream(streamId, expected, hard);
  if (outcome.result === 'stream-deleted') throw streamDeletedError(streamId);
  if (outcome.result === 'wrong-expected-version') throw wrongExpectedVersionError(streamId, expected, outcome.currentVersion);
  return outcome.position!;
}

export function deleteHandler(db: StandInDatabase) {
  return (call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: Callback<DeleteResp>): void => {
    try {
      const position = runDelete(db, call.request.getOptions(), false).toString();
      callback(null, new DeleteResp().setPosition(new DeleteResp.Position().setCommitPosition(position).setPreparePosition(position)));
    } catch (error) {
      callback(error as Parameters<Callback<DeleteResp>>[0]);
    }
  };
}

export function tombstoneHandler(db: StandInDatabase) {
  return (call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: Callback<TombstoneResp>): void => {
    try {
      const position = runDelete(db, call.request.getOptions(), true).toString();
      callback(null, new TombstoneResp().setPosition(new TombstoneResp.Position().setCommitPosition(position).setPreparePosition(position)));
    } catch (error) {
      callback(error as Parameters<Callback<TombstoneResp>>[0]);
    }
  };
}
