// What a client asks a node before its first real call: ServerFeatures.GetSupportedMethods (the Node
// client uses it to choose BatchAppend over Append) and Gossip.Read (cluster discovery, used by
// `esdb+discover://` and multi-host connection strings; a plain single-host `esdb://` skips it).
import { randomUUID } from 'node:crypto';
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { uuidMessage } from './messages';

/** The protocol level the stand-in speaks; the client only logs it. */
export const STAND_IN_SERVER_VERSION = '23.10.0';

export function supportedMethodsHandler(options: { batchAppend: boolean }) {
  const method = (service: string, name: string): SupportedMethod =>
    new SupportedMethod().setServiceName(service).setMethodName(name);
  const names = ['read', 'append', 'delete', 'tombstone', ...(options.batchAppend ? ['batchappend'] : [])];
  const methods = [
    ...names.map((name) => method('event_store.client.streams.streams', name)),
    method('event_store.client.gossip.gossip', 'read'),
    method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
  ];
  return (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => {
    callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(STAND_IN_SERVER_VERSION));
  };
}

/** A one-node cluster: this node, alive and leader. */
export function gossipHandler(address: () => { host: string; port: number }) {
  const instanceId = randomUUID();
  return (_call: ServerUnaryCall<Empty, ClusterInfo>, callback: sendUnaryData<ClusterInfo>): void => {
    const { host, port } = address();
    const member = new MemberInfo()
      .setInstanceId(uuidMessage(instanceId, false))
      .setTimeStamp((BigInt(Date.now()) * 10_000n).toString())
      .setState(MemberInfo.VNodeState.LEADER)
      .setIsAlive(true)
      .setHttpEndPoint(new EndPoint().setAddress(host).setPort(port));
    callback(null, new ClusterInfo().setMembersList([member]));
  };
}
