// adminapi ProjectionStatus and ProjectionRebuild: what the admin page's projection view shows, and its
// rebuild button (the rebuild runs in the background, built aside and swapped; reads keep working).
import { Injectable } from '@nestjs/common';
import { ApiError } from '../../api/api-error';
import { ApiMethod, type ApiMethodHandler } from '../../api/api-method';
import type { AdminapiRequest as Req, AdminapiResponse as Res } from '../../api/api-types';
import { Runtime } from '../../runtime/runtime';

@Injectable()
@ApiMethod('adminapi', 'ProjectionStatus')
export class ProjectionStatusMethod implements ApiMethodHandler<Req<'ProjectionStatus'>, Res<'ProjectionStatus'>> {
  constructor(private readonly runtime: Runtime) {}
  async handle(): Promise<Res<'ProjectionStatus'>> {
    const head = await this.runtime.store.headPosition();
    return {
      Projections: this.runtime.projections.status().map((s) => {
        const rebuilding = s.rebuilding;
        const progress = rebuilding
          ? rebuilding.target > 0
            ? Math.min(1, Math.max(0, rebuilding.position) / rebuilding.target)
            : 0
          : head > 0
            ? Math.min(1, Math.max(0, s.position) / head)
            : 1;
        return {
          Name: s.name,
          Version: s.version,
          Position: s.position,
          Head: head,
          Lag: Math.max(0, head - s.position),
          Rebuilding: rebuilding !== null,
          Progress: progress,
        };
      }),
    };
  }
}

@Injectable()
@ApiMethod('adminapi', 'ProjectionRebuild')
export class ProjectionRebuildMethod implements ApiMethodHandler<Req<'ProjectionRebuild'>, Res<'ProjectionRebuild'>> {
  constructor(private readonly runtime: Runtime) {}
  async handle(request: Req<'ProjectionRebuild'>): Promise<Res<'ProjectionRebuild'>> {
    const status = this.runtime.projections.status();
    const projection = status.find((s) => s.name === request.Name);
    if (!projection) {
      throw new ApiError('notFound', `no projection named ${JSON.stringify(request.Name)}; known: ${status.map((s) => s.name).join(', ')}`);
    }
    if (projection.rebuilding) return { Started: false };
    this.runtime.projections.rebuild([request.Name]).catch((err) => {
      this.runtime.logger.error({ err, projection: request.Name }, 'projection rebuild failed');
    });
    return { Started: true };
  }
}
