// Wires modules only: the runtime and the listener's switches are provided to every capability.
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MetricsController } from './observability/metrics.controller';
import { Runtime } from './runtime/runtime';
import { ListenerContext } from './server/listener-context';
import { capabilityModules } from './capabilities';

@Module({})
export class AppModule {
  static register(runtime: Runtime, listener: ListenerContext): DynamicModule {
    const shared: Provider[] = [
      { provide: Runtime, useValue: runtime },
      { provide: ListenerContext, useValue: listener },
    ];
    return {
      module: AppModule,
      global: true,
      imports: [CqrsModule.forRoot(), ...capabilityModules],
      controllers: [MetricsController],
      providers: shared,
      exports: shared,
    };
  }
}
