/**
 * Per-month quantiles of many samples without sorting them: a multi-quickselect on a scratch copy places just the
 * order statistics that the requested quantiles need (the two neighbours of each), narrowing the range after each
 * placement. Values are read off by linear interpolation between order statistics (R's type 7, numpy's default,
 * the same as simple-statistics' `quantile`, which the tests compare against).
 */

/** Creates a function that writes the `ps` quantiles of `values` into `out[offset + q * stride]`. */
export function createQuantiler(n: number, ps: readonly number[]) {
  const scratch = new Float64Array(n);
  // Sorted, distinct order-statistic positions needed by the quantiles.
  const pos = [...new Set(ps.flatMap((p) => [Math.floor((n - 1) * p), Math.ceil((n - 1) * p)]))].sort((a, b) => a - b);
  const ks = Int32Array.from(pos);

  function select(a: Float64Array, k: number, left: number, right: number): void {
    while (right > left) {
      // Median-of-three pivot, Hoare-style partition.
      const mid = (left + right) >> 1;
      let x = a[left];
      let y = a[mid];
      let z = a[right];
      const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
      let i = left;
      let j = right;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          x = a[i];
          a[i] = a[j];
          a[j] = x;
          i++;
          j--;
        }
      }
      if (k <= j) right = j;
      else if (k >= i) left = i;
      else return;
      void y;
      void z;
    }
  }

  function multi(a: Float64Array, lo: number, hi: number, left: number, right: number): void {
    if (lo > hi) return;
    const mid = (lo + hi) >> 1;
    const k = ks[mid];
    select(a, k, left, right);
    multi(a, lo, mid - 1, left, k - 1);
    multi(a, mid + 1, hi, k + 1, right);
  }

  return function quantiles(values: Float64Array, out: Float64Array, offset: number, stride: number): void {
    scratch.set(values);
    multi(scratch, 0, ks.length - 1, 0, n - 1);
    for (let q = 0; q < ps.length; q++) {
      const h = (n - 1) * ps[q];
      const lo = Math.floor(h);
      const a = scratch[lo];
      out[offset + q * stride] = lo + 1 < n ? a + (h - lo) * (scratch[lo + 1] - a) : a;
    }
  };
}
