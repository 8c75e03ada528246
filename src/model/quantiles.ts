/**
 * Per-month quantiles of many samples without sorting them. Values are read off by linear interpolation between
 * order statistics (R's type 7, numpy's default, the same as simple-statistics' `quantile`, which the tests compare
 * against), so only the order statistics next to each quantile are needed, and any exact selection gives the same bits.
 *
 * The selection is a bucket select, chosen because a comparison-based quickselect on random data is dominated by
 * mispredicted branches (about 35 ns per value for the seven bands of 10,000 samples):
 *   1. a histogram of the values over `B` equal-width buckets between their minimum and maximum (branch-free);
 *   2. a walk of the cumulative counts that finds the bucket holding each needed order statistic;
 *   3. one pass that copies just the values in those buckets (a few per cent of them: a predictable branch) to scratch;
 *   4. an exact selection within each small bucket (insertion sort, or quickselect when a bucket is crowded).
 * The bucket of a value, `⌊(x − min) · B / (max − min)⌋`, never decreases as x grows (each floating-point step is
 * monotone), so the values of a bucket are exactly the order statistics of its rank range. Inputs holding a NaN or an
 * infinity, or whose range overflows, take the plain multi-quickselect, whose results they reproduce bit for bit.
 */

/** Groups larger than this are selected by quickselect rather than sorted by insertion. */
const SMALL = 24;

/** Writes the quantiles `ps` of `n` values into `out[offset + q * stride]`, reusing its scratch between calls. */
export class Quantiler {
  private readonly ps: Float64Array;
  private readonly scratch: Float64Array;
  /** Multi-quickselect fallback: sorted, distinct positions floor(h) and ceil(h) of every quantile. */
  private readonly ks: Int32Array;
  /** Bucket select: sorted, distinct positions floor(h) and floor(h) + 1 (within range) of every quantile. */
  private readonly rk: Int32Array;
  /** Per quantile: index into `rk` of floor(h), and of floor(h) + 1 (or −1 past the end). */
  private readonly rLo: Int32Array;
  private readonly rHi: Int32Array;
  /** The order statistic at each `rk` position, once selected. */
  private readonly stat: Float64Array;
  private readonly buckets: number;
  private readonly hist: Int32Array;
  /** Per bucket: the group it is collected into, or −1 (reset after every call). */
  private readonly slot: Int32Array;
  private readonly gBucket: Int32Array;
  /** Rank of the first value of the group's bucket. */
  private readonly gRank: Int32Array;
  private readonly gStart: Int32Array;
  private readonly gFill: Int32Array;
  private readonly kGroup: Int32Array;

  constructor(
    readonly n: number,
    ps: readonly number[],
  ) {
    this.ps = Float64Array.from(ps);
    this.scratch = new Float64Array(n);
    this.ks = Int32Array.from(
      [...new Set(ps.flatMap((p) => [Math.floor((n - 1) * p), Math.ceil((n - 1) * p)]))].sort((a, b) => a - b),
    );
    const rk = [
      ...new Set(ps.flatMap((p) => [Math.floor((n - 1) * p), Math.min(n - 1, Math.floor((n - 1) * p) + 1)])),
    ].sort((a, b) => a - b);
    this.rk = Int32Array.from(rk);
    this.rLo = Int32Array.from(ps, (p) => rk.indexOf(Math.floor((n - 1) * p)));
    this.rHi = Int32Array.from(ps, (p) =>
      Math.floor((n - 1) * p) + 1 < n ? rk.indexOf(Math.floor((n - 1) * p) + 1) : -1,
    );
    this.stat = new Float64Array(rk.length);
    // About four values per bucket: the histogram stays small next to the values, and each selected bucket tiny.
    this.buckets = Math.max(16, n >> 2);
    this.hist = new Int32Array(this.buckets + 2);
    this.slot = new Int32Array(this.buckets + 2).fill(-1);
    const g = rk.length;
    this.gBucket = new Int32Array(g);
    this.gRank = new Int32Array(g);
    this.gStart = new Int32Array(g + 1);
    this.gFill = new Int32Array(g);
    this.kGroup = new Int32Array(g);
  }

  /** Writes the quantiles of `values[0 … n)`. */
  quantiles(values: Float64Array, out: Float64Array, offset: number, stride: number): void {
    const n = this.n;
    let lo = values[0];
    let hi = lo;
    let nan = lo !== lo;
    for (let s = 1; s < n; s++) {
      const x = values[s];
      if (x < lo) lo = x;
      else if (x > hi) hi = x;
      else if (x !== x) nan = true;
    }
    if (nan) this.quickselect(values, out, offset, stride);
    else this.quantilesWithin(values, lo, hi, out, offset, stride);
  }

  /**
   * Writes the quantiles of `values[0 … n)`, given their minimum `lo` and maximum `hi` and that none is NaN (the
   * caller has just scanned them).
   */
  quantilesWithin(
    values: Float64Array,
    lo: number,
    hi: number,
    out: Float64Array,
    offset: number,
    stride: number,
  ): void {
    const range = hi - lo;
    const B = this.buckets;
    const scale = B / range;
    // Infinite values or range, or a range so narrow that the scale overflows: the plain path.
    if (!(range < Infinity) || !(scale < Infinity) || !(lo > -Infinity)) {
      this.quickselect(values, out, offset, stride);
      return;
    }
    const n = this.n;
    const hist = this.hist;
    const slot = this.slot;
    const a = this.scratch;
    const rk = this.rk;
    const gBucket = this.gBucket;
    const gRank = this.gRank;
    const gStart = this.gStart;
    const gFill = this.gFill;
    const kGroup = this.kGroup;

    // 1. Histogram (range > 0 here unless every value is equal, when all fall in bucket 0).
    hist.fill(0);
    if (range > 0) for (let s = 0; s < n; s++) hist[((values[s] - lo) * scale) | 0]++;
    else hist[0] = n;

    // 2. The bucket of each needed rank; consecutive ranks in one bucket share a group.
    let groups = 0;
    let cum = 0;
    let b = 0;
    for (let j = 0; j < rk.length; j++) {
      const k = rk[j];
      while (cum + hist[b] <= k) cum += hist[b++];
      if (groups === 0 || gBucket[groups - 1] !== b) {
        gBucket[groups] = b;
        gRank[groups] = cum;
        gStart[groups + 1] = gStart[groups] + hist[b];
        gFill[groups] = gStart[groups];
        slot[b] = groups;
        groups++;
      }
      kGroup[j] = groups - 1;
    }

    // 3. Collect the values of the selected buckets.
    if (range > 0) {
      for (let s = 0; s < n; s++) {
        const x = values[s];
        const g = slot[((x - lo) * scale) | 0];
        if (g >= 0) a[gFill[g]++] = x;
      }
    } else {
      a.fill(lo, 0, n);
    }
    for (let g = 0; g < groups; g++) slot[gBucket[g]] = -1;

    // 4. Exact selection within each group.
    const stat = this.stat;
    for (let g = 0, j = 0; g < groups; g++) {
      const start = gStart[g];
      const end = gStart[g + 1] - 1;
      if (end - start < SMALL) {
        insertionSort(a, start, end);
        for (; j < rk.length && kGroup[j] === g; j++) stat[j] = a[start + rk[j] - gRank[g]];
      } else {
        let left = start;
        for (; j < rk.length && kGroup[j] === g; j++) {
          const p = start + rk[j] - gRank[g];
          select(a, p, left, end);
          stat[j] = a[p];
          left = p + 1;
        }
      }
    }

    // 5. Interpolate, exactly as the plain path does.
    const ps = this.ps;
    for (let q = 0; q < ps.length; q++) {
      const h = (n - 1) * ps[q];
      const f = Math.floor(h);
      const x = stat[this.rLo[q]];
      out[offset + q * stride] = f + 1 < n ? x + (h - f) * (stat[this.rHi[q]] - x) : x;
    }
  }

  /** The plain path: a multi-quickselect on a scratch copy. */
  private quickselect(values: Float64Array, out: Float64Array, offset: number, stride: number): void {
    const n = this.n;
    const a = this.scratch;
    a.set(values.length === n ? values : values.subarray(0, n));
    multi(a, this.ks, 0, this.ks.length - 1, 0, n - 1);
    const ps = this.ps;
    for (let q = 0; q < ps.length; q++) {
      const h = (n - 1) * ps[q];
      const lo = Math.floor(h);
      const x = a[lo];
      out[offset + q * stride] = lo + 1 < n ? x + (h - lo) * (a[lo + 1] - x) : x;
    }
  }
}

function insertionSort(a: Float64Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= left && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

/** Places the k-th smallest of a[left … right] at k, smaller ones before it and larger ones after. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    // Median-of-three pivot, Hoare-style partition.
    const mid = (left + right) >> 1;
    const x = a[left];
    const y = a[mid];
    const z = a[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** Places every position ks[lo … hi] within a[left … right], narrowing the range after each. */
function multi(a: Float64Array, ks: Int32Array, lo: number, hi: number, left: number, right: number): void {
  if (lo > hi) return;
  const mid = (lo + hi) >> 1;
  const k = ks[mid];
  select(a, k, left, right);
  multi(a, ks, lo, mid - 1, left, k - 1);
  multi(a, ks, mid + 1, hi, k + 1, right);
}
