// Prometheus metrics, served at /metrics. One registry per process; every figure is named postwire_*.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();

  readonly appendBatchSize = new Histogram({
    name: 'postwire_event_append_batch_size',
    help: 'Events written per event-store commit (group commit batches concurrent appends).',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
    registers: [this.registry],
  });
  readonly appendLatency = new Histogram({
    name: 'postwire_event_append_commit_seconds',
    help: 'Time to write and durably commit one event-store batch.',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'postwire_events_appended_total',
    help: 'Events appended by this process.',
    registers: [this.registry],
  });
  readonly projectionPosition = new Gauge({
    name: 'postwire_projection_position',
    help: 'Global position of the last event applied, per projection.',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({
    name: 'postwire_projection_lag',
    help: 'Global positions between the event log head and the projection checkpoint.',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionBatchSeconds = new Histogram({
    name: 'postwire_projection_batch_seconds',
    help: 'Time to apply and checkpoint one batch of events in the read models.',
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'postwire_' });
  }
}
