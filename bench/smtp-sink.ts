/**
 * A mail server that accepts and discards everything, run as its own process by the benchmarks so
 * that receiving the order emails does not share an event loop with the load generator.
 *   SMTP_SINK_PORT=2525 npx tsx bench/smtp-sink.ts
 */
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.SMTP_SINK_PORT ?? 2525);
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('end', () => callback());
    stream.resume();
  },
});
smtp.listen(port, '127.0.0.1');
// Readiness for startProcess: an HTTP answer on the next port.
createServer((_req, res) => res.end('ok')).listen(port + 1, '127.0.0.1');
