// Conversions between the stand-in's records and the protocol's messages (streams.proto, shared.proto).
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, BatchAppendReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { EXPECT_ANY, EXPECT_NO_STREAM, EXPECT_STREAM_EXISTS, type LogRecord, type ProposedEvent } from './records';
import { requiredMetadataPropertyMissingError, invalidArgumentError } from './rpc-errors';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function streamIdentifier(streamId: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
}

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  if (!identifier) throw invalidArgumentError('stream_identifier is required');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

/** A UUID as the client asked for it: the canonical string, or two signed 64-bit halves. */
export function uuidMessage(id: string, structured: boolean): UUID {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const half = (digits: string): string => BigInt.asIntN(64, BigInt(`0x${digits}`)).toString();
  return uuid.setStructured(new UUID.Structured().setMostSignificantBits(half(hex.slice(0, 16))).setLeastSignificantBits(half(hex.slice(16))));
}

/** The lower-case canonical form, as EventStoreDB (a .NET Guid) returns every id. */
export function uuidStringOf(uuid: UUID | undefined): string {
  if (!uuid) throw invalidArgumentError('id is required');
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured()!;
    const half = (value: string): string => BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');
    const hex = half(structured.getMostSignificantBits()) + half(structured.getLeastSignificantBits());
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  const text = uuid.getString();
  if (!UUID_PATTERN.test(text)) throw invalidArgumentError(`'${text}' is not a valid UUID`);
  return text.toLowerCase();
}

/** Append and BatchAppend both require the `type` and `content-type` entries. */
export function proposedEventOf(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const entries = message.getMetadataMap();
  const type = entries.get('type');
  if (type === undefined) throw requiredMetadataPropertyMissingError('type');
  const contentType = entries.get('content-type');
  if (contentType === undefined) throw requiredMetadataPropertyMissingError('content-type');
  return {
    id: uuidStringOf(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

export function eventResponse(record: LogRecord, structuredIds: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(record.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(record.streamId))
    .setStreamRevision(record.revision.toString())
    .setPreparePosition(record.position.toString())
    .setCommitPosition(record.position.toString())
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  recorded.getMetadataMap().set('type', record.type).set('content-type', record.contentType).set('created', record.created.toString());
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(record.position.toString()));
}

/**
 * The expected-revision oneof of Append, BatchAppend, Delete and Tombstone options, which number their
 * cases alike (revision 2, no_stream 3, any 4, stream_exists 5), in EventStoreDB's ExpectedVersion terms.
 */
export function expectedVersionOf(options: { getExpectedStreamRevisionCase(): number; getRevision(): string }): bigint {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return BigInt(options.getRevision());
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return EXPECT_NO_STREAM;
    case AppendReq.Options.ExpectedStreamRevisionCase.ANY:
      return EXPECT_ANY;
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return EXPECT_STREAM_EXISTS;
    default:
      throw invalidArgumentError('expected_stream_revision is required');
  }
}
