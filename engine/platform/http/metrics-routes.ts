/**
 * GET /metrics: the engine's own figures for operators and load tests (event-loop delay,
 * memory, CPU, connected sockets, group-commit stats). Answered only to requests from the
 * machine itself, so it needs no login and shows nothing to the network.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Hono } from 'hono';
import { errors } from '../errors.ts';
import type { AppEnv } from './env.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface MetricsSources {
  sockets(): number;
  writerStats(): { batches: number; saves: number; largestBatch: number };
}

export function metricsRoutes(sources: MetricsSources) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return new Hono<AppEnv>().get('/metrics', (c) => {
    if (!LOOPBACK.has(c.var.clientIp))
      throw errors.forbidden('Metrics are served to the engine machine only.');
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    const body = {
      pid: process.pid,
      uptimeSeconds: process.uptime(),
      eventLoopDelayMs: {
        p50: delay.percentile(50) / 1e6,
        p99: delay.percentile(99) / 1e6,
        max: delay.max / 1e6,
        mean: delay.mean / 1e6,
      },
      memoryMb: { rss: memory.rss / 2 ** 20, heapUsed: memory.heapUsed / 2 ** 20 },
      cpuSeconds: { user: cpu.user / 1e6, system: cpu.system / 1e6 },
      candidateSockets: sources.sockets(),
      saves: sources.writerStats(),
    };
    if (c.req.query('reset') === '1') delay.reset();
    return c.json(body);
  });
}
