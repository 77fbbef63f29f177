// Every read model of Postwire. The runner builds and follows each of them; `postwire projections`
// lists and rebuilds them by name.
import type { ProjectionDefinition } from '../src/projecting/projection';
import { configProjection } from './config';
import { contentRefsProjection } from './content-refs';
import { mailboxProjection } from './mailbox';
import { holdRulesProjection } from './holdrules';
import { queueProjection } from './queue';
import { sendingLimitsProjection } from './sending-limits';
import { suppressionsProjection } from './suppressions';
import { webhooksProjection } from './webhooks';

export const allProjections: ProjectionDefinition[] = [configProjection, queueProjection, mailboxProjection, contentRefsProjection, holdRulesProjection, sendingLimitsProjection, suppressionsProjection, webhooksProjection];
