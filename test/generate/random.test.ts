import { describe, expect, it } from 'vitest';
import { Random } from '../../src/generate/random';

const draw = (random: Random, count: number): number[] => Array.from({ length: count }, () => random.uint32());

describe('Random', () => {
  it('gives the same sequence for the same seed and path, and a different one for another path', () => {
    expect(draw(Random.for('seed', 'day', 1), 50)).toEqual(draw(Random.for('seed', 'day', 1), 50));
    expect(draw(Random.for('seed', 'day', 1), 50)).not.toEqual(draw(Random.for('seed', 'day', 2), 50));
    expect(draw(Random.for('seed', 'day', 1), 50)).not.toEqual(draw(Random.for('other', 'day', 1), 50));
  });

  it('makes version 4 UUIDs with the RFC variant', () => {
    const random = Random.for('uuid');
    for (let i = 0; i < 200; i++) {
      expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('keeps integers inside their inclusive bounds and reaches both ends', () => {
    const random = Random.for('bounds');
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 7)));

    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('samples distinct items without touching the list it was given', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const sample = Random.for('sample').sample(items, 40);

    expect(new Set(sample).size).toBe(40);
    expect(items).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('is roughly uniform, so shares in the model come out as written', () => {
    const random = Random.for('uniform');
    const hits = Array.from({ length: 20_000 }, () => random.chance(0.05)).filter(Boolean).length;

    expect(hits / 20_000).toBeGreaterThan(0.045);
    expect(hits / 20_000).toBeLessThan(0.055);
  });
});
