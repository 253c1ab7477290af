/**
 * Rendered PDFs kept in memory until what they show changes: the key names the forum's change
 * sequence and the last change of its inputs and cases, so a changed forum misses the cache.
 * Bounded by bytes and entries (least recently used goes first); renders of one key at the same
 * time share one render.
 */
export class PdfCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly rendering = new Map<string, Promise<Buffer>>();
  private bytes = 0;
  renders = 0;

  constructor(
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly maxEntries = 64,
  ) {}

  async get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used goes to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    let p = this.rendering.get(key);
    if (!p) {
      p = render()
        .then((pdf) => {
          this.renders += 1;
          this.put(key, pdf);
          return pdf;
        })
        .finally(() => this.rendering.delete(key));
      this.rendering.set(key, p);
    }
    return p;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private put(key: string, pdf: Buffer): void {
    if (pdf.length > this.maxBytes) return;
    this.entries.set(key, pdf);
    this.bytes += pdf.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }
}
