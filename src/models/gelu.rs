//! BERT's exact GELU, `x·Φ(x) = ½·x·erfc(−x/√2)`, on a slice at the speed
//! of the matrix products around it.
//!
//! candle's `gelu_erf` calls a scalar, branching `erff` per value: with
//! AVX-512 matrix products that was a fifth of the encoder's time (perf,
//! README "Models"). Here every step is branch-free arithmetic that the
//! compiler turns into vector code:
//!
//! - `erfc(z) = t·exp(−z² + P(t))` with `t = 1/(1 + z/2)` for `z ≥ 0`, `P` a
//!   degree-10 polynomial fitted by least squares to `ln(erfc(z)·e^{z²}/t)`
//!   on `z ∈ [0, 10]` (relative error of the fit ≤ 7.1e-9 in f64; for
//!   `z > 10`, `erfc(z) < 2.1e-45` is below f32's smallest value, and the formula
//!   underflows to 0 as it should);
//! - `exp` by `2^k·p(r)`, `r = x − k·ln 2 ∈ [−ln 2/2, ln 2/2]`, `p` the degree-7
//!   Taylor polynomial (truncation error ≤ 5.2e-9 relative);
//! - then `½·x·erfc(−x/√2)` is `½·x·(2 − erfc(|z|))` for `x ≥ 0` and
//!   `½·x·erfc(|z|)` below (no cancellation near 0 or in either tail).
//!
//! All in f32, the error is at most 3.2e-7·|x| on [−20, 20] (a few f32
//! roundings of x; libm's `erff` path is about 1e-7·|x|), measured against
//! libm's `erf` in f64 by the unit test over a grid of 400,001 points.

use candle_core::{CpuStorage, CustomOp1, Layout, Shape, Tensor};

/// `P(t)`'s coefficients, constant term first (fitted as the module docs say).
const ERFC_POLY: [f32; 11] = [
    -1.265_578,
    1.001_818_2,
    0.353_201_48,
    0.232_924_5,
    -0.736_143_7,
    1.720_586_7,
    -3.630_209_7,
    4.314_972,
    -2.836_915_7,
    0.990_257_86,
    -0.144_913_3,
];

/// `exp(x)` for f32 without a branch or a call: `2^k·p(r)`.
#[inline(always)]
fn exp(x: f32) -> f32 {
    // Below −87.3 the result is not a normal f32; the clamp keeps 2^k's bits valid.
    let x = x.clamp(-87.0, 88.0);
    let k = (x * std::f32::consts::LOG2_E).round();
    // ln 2 split in two (Cody–Waite), so that r is exact to f32's precision.
    let r = (x - k * 0.693_145_75) - k * 1.428_606_8e-6;
    let mut p = 1.0 / 5040.0;
    for c in [1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0] {
        p = p * r + c;
    }
    p * f32::from_bits(((k as i32 + 127) as u32) << 23)
}

/// `erfc(z)` for `z ≥ 0`.
#[inline(always)]
fn erfc_nonnegative(z: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.5 * z);
    let mut p = ERFC_POLY[10];
    for &c in ERFC_POLY[..10].iter().rev() {
        p = p * t + c;
    }
    t * exp(-z * z + p)
}

/// `x·Φ(x)` of every value, in place.
pub fn gelu_in_place(values: &mut [f32]) {
    for x in values.iter_mut() {
        let v = *x;
        let tail = erfc_nonnegative(v.abs() * std::f32::consts::FRAC_1_SQRT_2);
        let phi2 = if v >= 0.0 { 2.0 - tail } else { tail };
        *x = 0.5 * v * phi2;
    }
}

/// The exact GELU as a candle operation (f32 on the CPU).
pub struct Gelu;

impl CustomOp1 for Gelu {
    fn name(&self) -> &'static str {
        "gelu-erf-vectorized"
    }

    fn cpu_fwd(&self, storage: &CpuStorage, layout: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        let CpuStorage::F32(data) = storage else { candle_core::bail!("gelu: f32 only") };
        let Some((start, end)) = layout.contiguous_offsets() else {
            candle_core::bail!("gelu: the input must be contiguous")
        };
        let mut out = data[start..end].to_vec();
        gelu_in_place(&mut out);
        Ok((CpuStorage::F32(out), layout.shape().clone()))
    }
}

/// `x·Φ(x)` of a tensor (made contiguous first).
pub fn gelu(xs: &Tensor) -> candle_core::Result<Tensor> {
    xs.contiguous()?.apply_op1_no_bwd(&Gelu)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// GELU in f64 from libm's `erf` (an implementation independent of this one).
    fn reference(x: f64) -> f64 {
        0.5 * x * (1.0 + libm::erf(x / std::f64::consts::SQRT_2))
    }

    #[test]
    fn equals_the_exact_gelu_to_f32_precision() {
        let mut worst = 0f64;
        let grid: Vec<f32> = (-200_000..=200_000).map(|i| i as f32 * 1e-4).collect();
        let mut values = grid.clone();
        gelu_in_place(&mut values);
        for (&x, &got) in grid.iter().zip(&values) {
            // Relative to |x|: the scale of the product's roundings.
            let error = (got as f64 - reference(x as f64)).abs() / (x.abs() as f64).max(1e-6);
            worst = worst.max(error);
        }
        assert!(worst < 4e-7, "worst error {worst}·|x|");
    }

    #[test]
    fn hand_values_and_the_tails() {
        // Φ(0) = 1/2, so GELU(0) = 0; GELU(1) = Φ(1) = 0.841344746…; GELU(−1) = −(1 − Φ(1)).
        let mut values = [0.0f32, 1.0, -1.0, 30.0, -30.0, -1e30, 1e30, f32::MIN_POSITIVE];
        gelu_in_place(&mut values);
        assert_eq!(values[0], 0.0);
        assert!((values[1] - 0.841_344_8).abs() < 1e-7, "{}", values[1]);
        assert!((values[2] + 0.158_655_25).abs() < 1e-7, "{}", values[2]);
        assert_eq!(values[3], 30.0);
        // −30·Φ(−30) ≈ −1e−196: 0 in f32, up to the clamp's subnormal.
        assert!(values[4].abs() < 1e-30, "{}", values[4]);
        assert!(values[5].abs() < 1e-30, "{}", values[5]);
        assert_eq!(values[6], 1e30);
        assert!(values[7] >= 0.0 && values[7] <= f32::MIN_POSITIVE);
    }
}
