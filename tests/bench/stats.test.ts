import { describe, expect, it } from 'vitest';
import { interleaved, quantile } from '../../bench/stats';

describe('interleaved sampling', () => {
  it('takes every operation once per turn, the first of the turn rotating', async () => {
    const calls: string[] = [];
    const op = (name: string) => async (i: number) => {
      calls.push(`${name}${i}`);
      return i * 10 + name.length;
    };
    const out = await interleaved({ a: op('a'), bb: op('bb'), ccc: op('ccc') }, 4);
    expect(calls).toEqual(['a0', 'bb0', 'ccc0', 'bb1', 'ccc1', 'a1', 'ccc2', 'a2', 'bb2', 'a3', 'bb3', 'ccc3']);
    expect(out).toEqual({ a: [1, 11, 21, 31], bb: [2, 12, 22, 32], ccc: [3, 13, 23, 33] });
  });

  it('interpolates quantiles between ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8);
  });
});
