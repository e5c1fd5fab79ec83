/** The baseline: a bare Socket.IO server that acknowledges the same events with no work behind them. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  // The check-in of the baseline: answer at once.
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ sessionToken: 'echo', sessionId: 'echo' }));
  void req;
});
const io = new Server(http, { transports: ['websocket'] });
io.of('/candidate').on('connection', (socket) => {
  socket.on('session:start', (_p: unknown, ack: (r: unknown) => void) =>
    ack({ ok: true, snapshot: { form: [] } }),
  );
  socket.on('item:fetch', (p: { position: number }, ack: (r: unknown) => void) =>
    ack({ ok: true, position: p.position, item: {} }),
  );
  socket.on('response:save', (p: { itemRef: string; seq: number }, ack: (r: unknown) => void) =>
    ack({ ok: true, itemRef: p.itemRef, seq: p.seq, savedAt: Date.now() }),
  );
  socket.on('submit', (_p: unknown, ack: (r: unknown) => void) => ack({ ok: true, state: 'submitted' }));
});
http.listen(0, '127.0.0.1', () =>
  console.log(`running at http://localhost:${(http.address() as AddressInfo).port}`),
);
process.on('SIGTERM', () => io.close(() => process.exit(0)));
