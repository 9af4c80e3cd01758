package dev.tokenbill.generate;

import java.util.SplittableRandom;

/**
 * n independent uniform draws on [0, 1), produced already sorted in ascending order, one at a
 * time and in constant memory (Bentley and Saxe, "Generating sorted lists of random numbers",
 * 1980: the maximum of k uniforms is U^(1/k) = exp(ln(U) / k); here applied to 1 - U to ascend).
 * For small exponents, exp is its Taylor polynomial (error below 1e-17), which is the common case
 * for large k and several times faster than {@link StrictMath#exp}.
 */
final class SortedUniforms {

    private final SplittableRandom rng;
    private long remaining;
    private double top = 1.0;

    SortedUniforms(SplittableRandom rng, long count) {
        this.rng = rng;
        this.remaining = count;
    }

    double next() {
        if (remaining <= 0) {
            throw new IllegalStateException("all draws were taken");
        }
        double x = StrictMath.log(1.0 - rng.nextDouble()) / remaining--;
        top *= x > -1e-3 ? 1 + x * (1 + x / 2 * (1 + x / 3 * (1 + x / 4))) : StrictMath.exp(x);
        return Math.min(1.0 - top, Math.nextDown(1.0));
    }
}
