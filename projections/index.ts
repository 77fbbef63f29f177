// Every read model of Postwire. The runner builds and follows each of them; `postwire projections`
// lists and rebuilds them by name.
import type { ProjectionDefinition } from '../src/projecting/projection';
import { queueProjection } from './queue';

export const allProjections: ProjectionDefinition[] = [queueProjection];
