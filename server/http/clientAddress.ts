import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Config } from '../config';

export type TrustFn = (addr: string, hop: number) => boolean;

/** The `trust proxy` rule as a function (the same one Express uses for `req.ip`). */
export function trustFunction(trust: Config['trustProxy']): TrustFn {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_addr, hop) => hop < trust;
  return proxyaddr.compile(trust);
}

/**
 * The client's address for a raw request (socket handshakes): the connection's own address,
 * or the nearest X-Forwarded-For hop appended by a trusted proxy. Never a value a client at
 * an untrusted address wrote itself.
 */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  try {
    return proxyaddr(req, trust);
  } catch {
    return req.socket.remoteAddress ?? 'unknown';
  }
}
