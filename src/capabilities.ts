// The capability modules a node runs, and the long-running services they contribute (SMTP listeners,
// delivery and webhook workers, cleanup), in one place so the server, tests and the CLI agree.
import type { Type } from '@nestjs/common';
import type { ReactorDefinition } from './projecting/reactor-runner';

/** A long-running part of a node; started after HTTP is up, stopped (finishing in-flight work) first. */
export interface NodeService {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const capabilityModules: Type<unknown>[] = [];

/** Providers (from the modules above) that the node starts, in this order, and stops in reverse. */
export const nodeServices: Type<NodeService>[] = [];

/**
 * Providers that are reactors (ReactorDefinition): the node starts them with the runtime's ReactorRunner
 * once the application is up, so each can use the capability's injected services.
 */
export const reactors: Type<ReactorDefinition>[] = [];
