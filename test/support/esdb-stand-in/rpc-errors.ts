// Errors as EventStoreDB's gRPC API reports them (RpcExceptions): a status code plus an `exception`
// trailer naming the case, with details in further trailers. The client maps them back by `exception`.
// BatchAppend reports per request instead, as a google.rpc.Status with a packed detail message.
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import {
  BadRequest,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  StreamIdentifier,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { EXPECT_ANY, EXPECT_NO_STREAM, EXPECT_STREAM_EXISTS } from './records';

export type RpcError = Partial<ServiceError> & { code: status; details: string; metadata: Metadata };

function rpcError(code: status, details: string, trailers: Record<string, string>): RpcError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

export function streamDeletedError(streamId: string): RpcError {
  return rpcError(status.FAILED_PRECONDITION, `Event stream '${streamId}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': streamId,
  });
}

/** Delete and Tombstone report a version mismatch as an error (Append answers it in its response). */
export function wrongExpectedVersionError(streamId: string, expected: bigint, actual: bigint): RpcError {
  return rpcError(
    status.FAILED_PRECONDITION,
    `Append failed due to WrongExpectedVersion. Stream: ${streamId}, Expected version: ${expected}, Actual version: ${actual}`,
    { exception: 'wrong-expected-version', 'stream-name': streamId, 'expected-version': String(expected), 'actual-version': String(actual) },
  );
}

export function maxAppendSizeExceededError(maxAppendSize: number): RpcError {
  return rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });
}

export function requiredMetadataPropertyMissingError(property: string): RpcError {
  return rpcError(status.INVALID_ARGUMENT, `Required Metadata Property '${property}' is missing`, {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': property,
  });
}

/** RpcExceptions.InvalidPositionException: a $all read or subscription from inside a record. */
export function invalidPositionError(): RpcError {
  return rpcError(status.UNKNOWN, 'Trying to read from an invalid position.', {});
}

export function invalidArgumentError(message: string): RpcError {
  return rpcError(status.INVALID_ARGUMENT, message, {});
}

function packedStatus(code: Code, message: string, detail: { serializeBinary(): Uint8Array }, typeName: string): Status {
  const any = new Any();
  any.pack(detail.serializeBinary(), typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

export function wrongExpectedVersionStatus(expected: bigint, current: bigint): Status {
  const detail = new WrongExpectedVersion();
  if (current < 0n) detail.setCurrentNoStream(new GoogleEmpty());
  else detail.setCurrentStreamRevision(current.toString());
  if (expected === EXPECT_ANY) detail.setExpectedAny(new GoogleEmpty());
  else if (expected === EXPECT_STREAM_EXISTS) detail.setExpectedStreamExists(new GoogleEmpty());
  else if (expected === EXPECT_NO_STREAM) detail.setExpectedNoStream(new GoogleEmpty());
  else detail.setExpectedStreamPosition(expected.toString());
  return packedStatus(Code.FAILED_PRECONDITION, 'WrongExpectedVersion', detail, 'event_store.client.WrongExpectedVersion');
}

export function streamDeletedStatus(streamId: string): Status {
  const detail = new StreamDeleted().setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8')));
  return packedStatus(Code.FAILED_PRECONDITION, 'StreamDeleted', detail, 'event_store.client.StreamDeleted');
}

export function maxAppendSizeExceededStatus(maxAppendSize: number): Status {
  const detail = new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
  return packedStatus(Code.INVALID_ARGUMENT, 'Maximum Append Size Exceeded', detail, 'event_store.client.MaximumAppendSizeExceeded');
}

export function badRequestStatus(message: string): Status {
  return packedStatus(Code.INVALID_ARGUMENT, message, new BadRequest().setMessage(message), 'event_store.client.BadRequest');
}
