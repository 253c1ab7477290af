import { createAdapter } from '@socket.io/redis-adapter';
import type { Config } from '../config';
import type { IoAdapter } from '../realtime/io';
import type { Coordinator } from './coordinator';
import { MemoryCoordinator } from './memory';
import { RedisCoordinator } from './redis';

/** One process without REDIS_URL; with it, coordination and Socket.IO rooms span processes. */
export async function connectCoordinator(
  config: Pick<Config, 'redisUrl'>,
): Promise<{ coordinator: Coordinator; ioAdapter?: IoAdapter; close(): Promise<void> }> {
  if (!config.redisUrl) {
    const coordinator = new MemoryCoordinator();
    return { coordinator, close: () => coordinator.close() };
  }
  const coordinator = await RedisCoordinator.connect(config.redisUrl);
  const pub = coordinator.redis.duplicate();
  const sub = coordinator.redis.duplicate();
  return {
    coordinator,
    ioAdapter: createAdapter(pub, sub),
    close: async () => {
      pub.disconnect();
      sub.disconnect();
      await coordinator.close();
    },
  };
}
