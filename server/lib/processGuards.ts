import { log } from './logger';

/**
 * Process-level last resort. A rejected promise nobody handled is a bug (lint forbids floating
 * promises) but not a reason to drop every connected citizen: it is logged and the server keeps
 * serving. An uncaught exception may have left state half-changed: it is logged and the process
 * exits 1, for the process manager (systemd, pm2) to start a fresh one.
 */
export function installProcessGuards(exit: (code: number) => void = (c) => process.exit(c)): void {
  process.on('unhandledRejection', (reason: unknown) => {
    log.error({ err: reason, scope: 'process' }, 'unhandled promise rejection (still serving)');
  });
  process.on('uncaughtException', (err: Error, origin: string) => {
    log.fatal({ err, origin, scope: 'process' }, 'uncaught exception: exiting');
    log.flush?.();
    exit(1);
  });
}
