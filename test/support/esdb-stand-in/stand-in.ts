// A small in-memory server that speaks EventStoreDB's gRPC protocol (the service definitions shipped
// inside @eventstore/db-client) with EventStoreDB's documented semantics, so the EventStoreDB adapter
// can be tested in CI through the real client, over a real socket, without a real node.
// Test support only: it keeps nothing on disk, has no security and no clustering, and it never stands
// in for EventStoreDB anywhere but in tests.
import { Server, ServerCredentials, status, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { StandInDatabase } from './database';
import { gossipHandler, supportedMethodsHandler } from './server-info';
import { appendHandler, batchAppendHandler } from './streams-append';
import { deleteHandler, tombstoneHandler } from './streams-delete';
import { readHandler } from './streams-read';

/** EventStoreDB's default MaxAppendSize: 1 MiB of event data, metadata and type per append. */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

export interface EsdbStandInOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. Give the old port to restart "the same node". */
  port?: number;
  /** Keeps the events across a restart: pass the previous stand-in's database. */
  database?: StandInDatabase;
  /** Offer BatchAppend, as EventStoreDB 21.10 and later do (default); false makes the client use Append. */
  batchAppend?: boolean;
  maxAppendSize?: number;
}

export interface EsdbStandIn {
  /** Connection string for the client: `esdb://127.0.0.1:<port>?tls=false`. */
  readonly url: string;
  readonly port: number;
  readonly database: StandInDatabase;
  /** Calls received per method (`Streams.BatchAppend`, `Gossip.Read`, ...), to see which path a client took. */
  readonly calls: ReadonlyMap<string, number>;
  /** Drops every connection and call at once, as a node that goes away does. */
  stop(): Promise<void>;
}

export async function startEsdbStandIn(options: EsdbStandInOptions = {}): Promise<EsdbStandIn> {
  const database = options.database ?? new StandInDatabase();
  const maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
  const batchAppend = options.batchAppend ?? true;
  const host = '127.0.0.1';
  let boundPort = options.port ?? 0;

  const calls = new Map<string, number>();
  const counted = <H extends (...args: never[]) => void>(name: string, handler: H): H =>
    ((...args: Parameters<H>) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      handler(...args);
    }) as H;

  const server = new Server();
  server.addService(StreamsService, {
    read: counted('Streams.Read', readHandler(database)),
    append: counted('Streams.Append', appendHandler(database, maxAppendSize)),
    delete: counted('Streams.Delete', deleteHandler(database)),
    tombstone: counted('Streams.Tombstone', tombstoneHandler(database)),
    batchAppend: counted(
      'Streams.BatchAppend',
      batchAppend
        ? batchAppendHandler(database, maxAppendSize)
        : (call: { emit(event: 'error', error: unknown): void }) =>
            call.emit('error', { code: status.UNIMPLEMENTED, details: 'BatchAppend is switched off in this stand-in' }),
    ),
  } as UntypedServiceImplementation);
  server.addService(ServerFeaturesService, {
    getSupportedMethods: counted('ServerFeatures.GetSupportedMethods', supportedMethodsHandler({ batchAppend })),
  } as UntypedServiceImplementation);
  server.addService(GossipService, { read: counted('Gossip.Read', gossipHandler(() => ({ host, port: boundPort }))) } as UntypedServiceImplementation);

  boundPort = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${boundPort}`, ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port)));
  });

  let stopped = false;
  return {
    url: `esdb://${host}:${boundPort}?tls=false`,
    port: boundPort,
    database,
    calls,
    async stop() {
      if (stopped) return;
      stopped = true;
      server.forceShutdown();
    },
  };
}
