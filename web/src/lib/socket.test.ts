import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reconnectAfterDrain, type AppSocket } from './socket';

/** The part of a Socket.IO client socket the drain handling uses. */
class FakeSocket extends EventEmitter {
  connected = true;
  connects = 0;
  connect(): this {
    this.connects += 1;
    this.connected = true;
    return this;
  }
}

const fake = () => {
  const s = new FakeSocket();
  return { s, socket: s as unknown as AppSocket };
};

afterEach(() => vi.useRealTimers());

describe('reconnectAfterDrain', () => {
  it('reconnects after a draining server disconnects, at a random point within the jitter', () => {
    vi.useFakeTimers();
    const { s, socket } = fake();
    reconnectAfterDrain(socket, () => 0.5);
    s.emit('server.draining', { reconnectJitterMs: 4000 });
    s.connected = false;
    s.emit('disconnect', 'io server disconnect');
    vi.advanceTimersByTime(2000);
    expect(s.connects).toBe(0);
    vi.advanceTimersByTime(300);
    expect(s.connects).toBe(1);
  });

  it('spreads the reconnects of many clients over the jitter window', () => {
    vi.useFakeTimers();
    const clients = [0, 0.25, 0.5, 0.75, 0.99].map((r) => {
      const { s, socket } = fake();
      reconnectAfterDrain(socket, () => r);
      s.emit('server.draining', { reconnectJitterMs: 4000 });
      s.connected = false;
      s.emit('disconnect', 'io server disconnect');
      return s;
    });
    vi.advanceTimersByTime(1300);
    expect(clients.filter((c) => c.connects === 1)).toHaveLength(2);
    vi.advanceTimersByTime(3000);
    expect(clients.filter((c) => c.connects === 1)).toHaveLength(5);
  });

  it('leaves a disconnect the server did not announce alone (a logout ends the socket)', () => {
    vi.useFakeTimers();
    const { s, socket } = fake();
    reconnectAfterDrain(socket, () => 0);
    s.connected = false;
    s.emit('disconnect', 'io server disconnect');
    vi.advanceTimersByTime(120_000);
    expect(s.connects).toBe(0);
  });
});
