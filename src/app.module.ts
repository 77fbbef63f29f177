// Wires modules only: the runtime is provided to every capability module.
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { capabilityModules } from './capabilities';
import { MetricsController } from './observability/metrics.controller';
import { Runtime } from './runtime/runtime';

@Module({})
export class AppModule {
  static register(runtime: Runtime): DynamicModule {
    const shared: Provider[] = [{ provide: Runtime, useValue: runtime }];
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
