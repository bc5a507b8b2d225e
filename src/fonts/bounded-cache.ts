/**
 * Results of measuring or shaping text kept for the life of the process, bounded by the memory they take:
 * when the next entry would go over the budget the cache is emptied and starts again (documents
 * share their wording, so the words that matter come back at once). An entry larger than the
 * whole budget is never kept.
 */
export class BoundedCache<T> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T, bytes: number): void {
    if (bytes > this.maxBytes) return;
    if (this.bytes + bytes > this.maxBytes) {
      this.entries.clear();
      this.bytes = 0;
    }
    this.entries.set(key, value);
    this.bytes += bytes;
  }

  /** Estimated bytes held. */
  get size(): number {
    return this.bytes;
  }
}
