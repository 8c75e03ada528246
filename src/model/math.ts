/**
 * Deterministic elementary functions. JavaScript engines are free to implement Math.exp, Math.log and Math.pow as
 * they like, and they do: Node 20 and current Chromium give different last bits for all three. The model promises
 * bit-identical results in Node, the CLI, the browser and the worker, so it uses these ports of fdlibm's exp and log
 * (Sun Microsystems, 1993; freely distributable), built only from IEEE-754 basic operations, which every engine
 * rounds the same way. Accuracy is within 1 ulp, as fdlibm's.
 */

const buf = new DataView(new ArrayBuffer(8));
const hi = (x: number) => {
  buf.setFloat64(0, x);
  return buf.getInt32(0);
};
const lo = (x: number) => {
  buf.setFloat64(0, x);
  return buf.getInt32(4);
};
const withHi = (x: number, h: number) => {
  buf.setFloat64(0, x);
  buf.setInt32(0, h);
  return buf.getFloat64(0);
};
/** 2^k for integer k in the normal range, exactly. */
const pow2 = (k: number) => {
  buf.setInt32(0, (k + 1023) << 20);
  buf.setInt32(4, 0);
  return buf.getFloat64(0);
};

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x, deterministic (fdlibm's e_exp.c). */
export function exp(x: number): number {
  let h = hi(x);
  const neg = h < 0 ? 1 : 0;
  h &= 0x7fffffff;
  if (h >= 0x40862e42) {
    if (x !== x) return x;
    if (h >= 0x7ff00000) return neg ? 0 : Infinity;
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let k = 0;
  let hiPart = 0;
  let loPart = 0;
  if (h > 0x3fd62e42) {
    if (h < 0x3ff0a2b2) {
      hiPart = neg ? x + LN2_HI : x - LN2_HI;
      loPart = neg ? -LN2_LO : LN2_LO;
      k = neg ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (neg ? -0.5 : 0.5));
      hiPart = x - k * LN2_HI;
      loPart = k * LN2_LO;
    }
    x = hiPart - loPart;
  } else if (h < 0x3e300000) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (loPart - (x * c) / (2 - c) - hiPart);
  return k >= -1021 ? (k === 1024 ? y * 2 * pow2(1023) : y * pow2(k)) : y * pow2(k + 1000) * pow2(-1000);
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, deterministic (fdlibm's e_log.c). */
export function log(x: number): number {
  let hx = hi(x);
  const lx = lo(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = hi(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHi(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    // fdlibm's literal, kept as written (it parses to the same double as 1/3).
    // eslint-disable-next-line no-loss-of-precision
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const dk = k;
  const z = s * s;
  let ii = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  ii |= j;
  const R = t2 + t1;
  if (ii > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

/** ln(1 + x), accurate for small x (the rounding of 1 + x is corrected to first order). */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  return log(u) - (u - 1 - x) / u;
}

/** x^y for x > 0, deterministic: exp(y · ln x). Integer and zero exponents are exact where it matters (y = 0 → 1). */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y === 1) return x;
  if (x === 1) return 1;
  if (x <= 0) return x === 0 ? (y > 0 ? 0 : Infinity) : NaN;
  return exp(y * log(x));
}

/**
 * The standard normal quantile function (Acklam's rational approximation, relative error below 1.2e-9), built on
 * the deterministic log above so sampled normal and lognormal parameters agree bit for bit in every engine.
 */
export function probit(p: number): number {
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < pLow) {
    const q = Math.sqrt(-2 * log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
