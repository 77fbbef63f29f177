// DueNow's queue part ("time travel" for trying retries): every queued message that is not on hold and
// waits for a later attempt gets NextAttempt = now. The adminapi method itself belongs to the webhooks
// capability, which makes its pending webhooks due and asks the registered parts for the messages.
// Registered once per process, when this file is first loaded: the part takes the node's runtime.
import type { Runtime } from '../runtime/runtime';
import { registerDueNowMessages } from '../webhooks/hook-admin';
import { dueNow } from './message-changes';
import { changeQueued, decidedStep } from './queue-operations';

export function makeMessagesDueNow(runtime: Runtime, correlationId?: string): Promise<number> {
  return changeQueued(runtime, { Hold: false, NextAttempt: '>now' }, decidedStep(runtime, dueNow, correlationId));
}

registerDueNowMessages(makeMessagesDueNow);
