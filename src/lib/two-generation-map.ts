/**
 * A bounded map that forgets the least recently used half at a time: hits in the old generation
 * move to the young one; when the young one is full it becomes the old one. No per-hit reordering.
 */
export class TwoGenerationMap<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(private readonly perGeneration: number) {}

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.perGeneration) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
