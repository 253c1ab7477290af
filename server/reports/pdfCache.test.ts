import { describe, expect, it } from 'vitest';
import { PdfCache } from './pdfCache';

const pdf = (n: number) => Buffer.alloc(n, 1);

describe('PdfCache', () => {
  it('renders a key once, also for requests that arrive during the render', async () => {
    const cache = new PdfCache();
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((r) => setTimeout(r, 5));
      return pdf(10);
    };
    await Promise.all(Array.from({ length: 20 }, () => cache.get('forum-1|seq-3', render)));
    await cache.get('forum-1|seq-3', render);
    expect(renders).toBe(1);
    await cache.get('forum-1|seq-4', render);
    expect(renders).toBe(2);
  });

  it('stays within its bytes and entries, dropping the least recently used', async () => {
    const cache = new PdfCache(100, 3);
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => pdf(30));
    await cache.get('a', async () => pdf(30));
    await cache.get('d', async () => pdf(30));
    expect(cache.size).toEqual({ entries: 3, bytes: 90 });
    let again = 0;
    await cache.get('b', async () => ((again += 1), pdf(30)));
    expect(again).toBe(1);
    await cache.get('a', async () => ((again += 1), pdf(30)));
    expect(again).toBe(1);
    await cache.get('huge', async () => pdf(1000));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
  });
});
