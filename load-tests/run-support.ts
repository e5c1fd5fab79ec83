/** Helpers shared by the load runs (run.ts, adaptive-run.ts). */
import type hdr from 'hdr-histogram-js';
import { connectPostgres } from '../engine/platform/db/connect-postgres.ts';

export const quantiles = (h: hdr.Histogram) => ({
  p50: h.getValueAtPercentile(50),
  p95: h.getValueAtPercentile(95),
  p99: h.getValueAtPercentile(99),
  max: h.maxValue,
});

/** A fresh, empty PostgreSQL database for one run (the engine migrates it when it opens). */
export async function createPostgresDatabase(baseUrl: string) {
  const name = `exam_load_${Date.now()}`;
  const admin = connectPostgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const dropper = connectPostgres(baseUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
