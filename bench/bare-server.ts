import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * The baseline: one bare Fastify route answering a fixed JSON document (a real search response
 * captured by bench/run.ts, so the same size), serialised per request like any JSON handler.
 * Usage: BENCH_PAYLOAD=<file.json> PORT=<port> tsx bench/bare-server.ts
 */
const payload = JSON.parse(readFileSync(process.env.BENCH_PAYLOAD ?? '', 'utf8')) as unknown;
const app = Fastify({ logger: false });
app.get('/bare', async () => payload);
await app.listen({ port: Number(process.env.PORT ?? 3901), host: '127.0.0.1' });
process.stdout.write('ready\n');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)));
