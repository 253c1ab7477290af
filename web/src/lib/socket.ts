import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$shared/events';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A new same-origin Socket.IO connection carrying the session cookies. */
export function createSocket(): AppSocket {
  return io({ path: '/socket.io', withCredentials: true });
}
