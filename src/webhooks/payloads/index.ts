// The webhook payloads, mox's wire contract (webhook.Outgoing and webhook.Incoming): types and pure
// builders only.
export { canonicalIncoming, incomingPayload, isAutomated, type Incoming, type IncomingMeta } from './incoming';
export {
  canonicalOutgoing,
  enhancedCode,
  isOutgoingFact,
  outgoingEventOf,
  outgoingHookFields,
  outgoingPayload,
  OUTGOING_FACT_TYPES,
  type Outgoing,
  type OutgoingFact,
  type OutgoingFactType,
  type OutgoingHookFields,
} from './outgoing';
export { payloadJson, sortedMap } from './sorted-map';
