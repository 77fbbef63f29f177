// The capability modules a node runs, in one list so the HTTP server, workers and CLI agree.
import type { Type } from '@nestjs/common';

export const capabilityModules: Type<unknown>[] = [];
