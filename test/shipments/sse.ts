import http from 'node:http';

/** One parsed server-sent event. */
export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** A server-sent event stream read over a real socket, for tests. */
export interface SseStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: SseEvent[];
  /** Raw text received (comments such as heartbeats included). */
  raw(): string;
  /** Resolves with the first event (from the start of the stream) matching `pred`. */
  next(pred: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

/** Opens `url` (http://127.0.0.1:port/…) with the given headers and parses the event stream. */
export function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let text = '';
      let buffer = '';
      const events: SseEvent[] = [];
      const waiters = new Set<() => void>();
      let onEnd: () => void = () => undefined;
      const ended = new Promise<void>((r) => (onEnd = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
        for (const w of [...waiters]) w();
      });
      res.on('end', onEnd);
      res.on('close', onEnd);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        raw: () => text,
        ended,
        next(pred, timeoutMs = 5000) {
          return new Promise((ok, fail) => {
            const check = () => {
              const hit = events.find(pred);
              if (!hit) return;
              waiters.delete(check);
              clearTimeout(timer);
              ok(hit);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => {
          req.destroy();
          res.destroy();
        },
      });
    });
    req.on('error', reject);
  });
}
