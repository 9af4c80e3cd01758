package dev.tokenbill.allocation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cost-allocation formula's settings: F_i = w1 R_i/sum(R) + w2 P_i/sum(P) + w3 U_i/sum(U).
 * {@code resourceMeters} make up R (e.g. gpu_seconds), {@code usageMeters} make up U (e.g. tokens);
 * P is the plan's performance tier. The weights add up to exactly 1 (the catalog loader checks).
 */
public record AllocationWeights(BigDecimal resource, BigDecimal performance, BigDecimal usage,
        List<String> resourceMeters, List<String> usageMeters) {

    public AllocationWeights {
        resourceMeters = List.copyOf(resourceMeters);
        usageMeters = List.copyOf(usageMeters);
    }

    /** Equal thirds would not add up to 1 exactly, so the default puts everything on usage volume. */
    public static AllocationWeights usageOnly() {
        return new AllocationWeights(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, List.of(),
                List.of("input_tokens", "cached_input_tokens", "output_tokens"));
    }
}
