// Streams.Append (one client stream per write: options, then the proposed events) and Streams.BatchAppend
// (one long-lived duplex stream carrying many writes told apart by correlation id, which EventStoreDB
// 21.10+ offers and the Node client prefers when the server lists it among its features).
import type { sendUnaryData, ServerDuplexStream, ServerReadableStream } from '@grpc/grpc-js';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { AllStreamPosition, Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { StandInDatabase, WriteOutcome } from './database';
import { expectedVersionOf, proposedEventOf, streamIdentifier, streamNameOf } from './messages';
import { EXPECT_ANY, EXPECT_NO_STREAM, EXPECT_STREAM_EXISTS, sizeOnDisk, type ProposedEvent } from './records';
import {
  badRequestStatus,
  invalidArgumentError,
  maxAppendSizeExceededError,
  maxAppendSizeExceededStatus,
  streamDeletedError,
  streamDeletedStatus,
  wrongExpectedVersionStatus,
} from './rpc-errors';

export function appendHandler(db: StandInDatabase, maxAppendSize: number) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    let size = 0;
    let answered = false;
    const answer = (error: unknown, response?: AppendResp): void => {
      if (answered) return;
      answered = true;
      callback(error as Parameters<sendUnaryData<AppendResp>>[0], response);
    };
    call.on('data', (request: AppendReq) => {
      if (answered) return;
      try {
        if (!options) {
          options = request.getOptions();
          if (!options) throw invalidArgumentError('the first AppendReq must carry options');
          return;
        }
        const message = request.getProposedMessage();
        if (!message) throw invalidArgumentError('AppendReq after the options must carry a proposed message');
        const event = proposedEventOf(message);
        size += sizeOnDisk(event);
        if (size > maxAppendSize) throw maxAppendSizeExceededError(maxAppendSize);
        events.push(event);
      } catch (error) {
        answer(error);
      }
    });
    call.on('error', () => answer(new Error('append cancelled by the client')));
    call.on('end', () => {
      if (answered) return;
      try {
        if (!options) throw invalidArgumentError('Append received no options');
        const streamId = streamNameOf(options.getStreamIdentifier());
        const expected = expectedVersionOf(options);
        const outcome = db.writeEvents(streamId, expected, events);
        if (outcome.result === 'stream-deleted') throw streamDeletedError(streamId);
        answer(null, appendResponse(outcome, expected));
      } catch (error) {
        answer(error);
      }
    });
  };
}

function appendResponse(outcome: Exclude<WriteOutcome, { result: 'stream-deleted' }>, expected: bigint): AppendResp {
  if (outcome.result === 'success') {
    const success = new AppendResp.Success();
    if (outcome.lastEventNumber < 0n) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.lastEventNumber.toString());
    if (outcome.position === undefined) success.setNoPosition(new Empty());
    else success.setPosition(new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
    return new AppendResp().setSuccess(success);
  }
  // Since 20.6.1 a version mismatch is an answer, not an error. (The deprecated 20.6.0 fields are left out.)
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentVersion < 0n) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(outcome.currentVersion.toString());
  if (expected === EXPECT_ANY) wrong.setExpectedAny(new Empty());
  else if (expected === EXPECT_NO_STREAM) wrong.setExpectedNoStream(new Empty());
  else if (expected === EXPECT_STREAM_EXISTS) wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedRevision(expected.toString());
  return new AppendResp().setWrongExpectedVersion(wrong);
}

interface PendingWrite {
  streamId: string;
  expected: bigint;
  events: ProposedEvent[];
  size: number;
}

export function batchAppendHandler(db: StandInDatabase, maxAppendSize: number) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, PendingWrite>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = request.getCorrelationId();
      const key = correlation ? JSON.stringify(correlation.toObject()) : '';
      const respond = (streamId: string, fill: (response: BatchAppendResp) => void): void => {
        const response = new BatchAppendResp().setCorrelationId(correlation);
        if (streamId) response.setStreamIdentifier(streamIdentifier(streamId));
        fill(response);
        if (!call.cancelled && call.writable) call.write(response);
      };
      let streamId = pending.get(key)?.streamId ?? '';
      try {
        const options = request.getOptions();
        if (options) {
          streamId = streamNameOf(options.getStreamIdentifier());
          const expected = expectedVersionOf({
            getExpectedStreamRevisionCase: () => options.getExpectedStreamPositionCase(),
            getRevision: () => options.getStreamPosition(),
          });
          pending.set(key, { streamId, expected, events: [], size: 0 });
        }
        const write = pending.get(key);
        if (!write) return; // EventStoreDB ignores chunks of a write it does not know (or already refused)
        for (const message of request.getProposedMessagesList()) {
          const event = proposedEventOf(message);
          write.size += sizeOnDisk(event);
          write.events.push(event);
        }
        if (write.size > maxAppendSize) {
          pending.delete(key);
          respond(streamId, (r) => r.setError(maxAppendSizeExceededStatus(maxAppendSize)));
          return;
        }
        if (!request.getIsFinal()) return;
        pending.delete(key);
        const outcome = db.writeEvents(write.streamId, write.expected, write.events);
        respond(streamId, (r) => {
          if (outcome.result === 'stream-deleted') r.setError(streamDeletedStatus(write.streamId));
          else if (outcome.result === 'wrong-expected-version') r.setError(wrongExpectedVersionStatus(write.expected, outcome.currentVersion));
          else r.setSuccess(batchSuccess(outcome.lastEventNumber, outcome.position));
        });
      } catch (error) {
        pending.delete(key);
        respond(streamId, (r) => r.setError(badRequestStatus(error instanceof Error ? error.message : String(error))));
      }
    });
    call.on('error', () => pending.clear());
    call.on('end', () => call.end());
  };
}

function batchSuccess(lastEventNumber: bigint, position: bigint | undefined): BatchAppendResp.Success {
  const success = new BatchAppendResp.Success();
  if (lastEventNumber < 0n) success.setNoStream(new GoogleEmpty());
  else success.setCurrentRevision(lastEventNumber.toString());
  if (position === undefined) success.setNoPosition(new GoogleEmpty());
  else success.setPosition(new AllStreamPosition().setCommitPosition(position.toString()).setPreparePosition(position.toString()));
  return success;
}
