import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$shared/events';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A new same-origin Socket.IO connection carrying the session cookies. */
export function createSocket(): AppSocket {
  const socket: AppSocket = io({ path: '/socket.io', withCredentials: true });
  reconnectAfterDrain(socket);
  return socket;
}

/**
 * A server process that shuts down says so (`server.draining`), answers what is in flight and
 * disconnects the socket. Socket.IO does not reconnect after a disconnect the server asked for,
 * so this does, after a random delay (the load balancer sends it to another process; spread
 * out, a hall of phones does not arrive at once).
 */
export function reconnectAfterDrain(socket: AppSocket, random: () => number = Math.random): void {
  let jitterMs: number | null = null;
  socket.on('server.draining', ({ reconnectJitterMs }) => {
    jitterMs = Math.max(0, Math.min(reconnectJitterMs, 60_000));
  });
  socket.on('disconnect', (reason) => {
    if (jitterMs === null) return;
    const wait = 250 + random() * jitterMs;
    jitterMs = null;
    // Other reasons (transport closed) already reconnect by themselves.
    if (reason !== 'io server disconnect') return;
    setTimeout(() => {
      if (!socket.connected) socket.connect();
    }, wait);
  });
}
