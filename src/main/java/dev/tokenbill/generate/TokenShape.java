package dev.tokenbill.generate;

import java.util.SplittableRandom;

/**
 * The quantities of one request. Token counts are lognormal, fitted to the Azure LLM inference
 * trace 2023 (Patel et al., "Splitwise", ISCA 2024; CC-BY-4.0; /work/shared/data/traces): mu and
 * sigma are the mean and population standard deviation of ln(tokens), computed once from all rows:
 * <pre>
 *   AzureLLMInferenceTrace_conv.csv (19,366 rows): ContextTokens   mu 6.6333 sigma 0.9852 (median 1,020)
 *                                                  GeneratedTokens mu 5.0190 sigma 0.8590 (median 129)
 *   AzureLLMInferenceTrace_code.csv (8,819 rows):  ContextTokens   mu 6.9986 sigma 1.3602 (median 1,469)
 *                                                  GeneratedTokens mu 2.7882 sigma 0.8472 (median 13)
 * </pre>
 * A customer has a conversation or a coding workload (31.3% coding, the trace's row share).
 * Assumptions, not data: a quarter of prompts of 1,024 tokens or more hit the prompt cache for a
 * 1,024 + 128k-token prefix (the OpenAI caching granularity); 0.1% of requests to a model with a
 * long-context price exceed its threshold by up to 30%; GPU rows meter lognormal seconds (median
 * 120 s, sigma 1, 0.1 s resolution, at most an hour).
 */
final class TokenShape {

    static final double CONV_PROMPT_MU = 6.6333;
    static final double CONV_PROMPT_SIGMA = 0.9852;
    static final double CONV_OUTPUT_MU = 5.0190;
    static final double CONV_OUTPUT_SIGMA = 0.8590;
    static final double CODE_PROMPT_MU = 6.9986;
    static final double CODE_PROMPT_SIGMA = 1.3602;
    static final double CODE_OUTPUT_MU = 2.7882;
    static final double CODE_OUTPUT_SIGMA = 0.8472;
    static final double CODE_SHARE = 0.313;

    // Caps keep ordinary prompts far below any long-context threshold (200,000 in the sample catalog).
    private static final long MAX_PROMPT = 128_000;
    private static final long MAX_OUTPUT = 16_384;
    private static final double CACHE_HIT = 0.25;
    private static final double LONG_CONTEXT = 0.001;
    private static final double GPU_MU = StrictMath.log(120);

    private TokenShape() {
    }

    static void sample(SplittableRandom rng, ModelProfile model, boolean code, Event event) {
        // two independent standard normals by Marsaglia's polar method (no trigonometry)
        double u;
        double v;
        double r2;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            r2 = u * u + v * v;
        } while (r2 >= 1 || r2 == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(r2) / r2);
        double z0 = u * scale;
        double z1 = v * scale;
        event.clearQuantities();
        if (model.tokens()) {
            long prompt = lognormal(code ? CODE_PROMPT_MU : CONV_PROMPT_MU, code ? CODE_PROMPT_SIGMA : CONV_PROMPT_SIGMA, z0, MAX_PROMPT);
            if (model.longContextThreshold() > 0 && rng.nextDouble() < LONG_CONTEXT) {
                prompt = model.longContextThreshold() + 1 + rng.nextLong(Math.max(1, model.longContextThreshold() * 3 / 10));
            }
            long cached = 0;
            if (model.cached() && prompt >= 1024 && rng.nextDouble() < CACHE_HIT) {
                cached = 1024 + 128 * rng.nextLong((prompt - 1024) / 128 + 1);
            }
            event.input = model.input() ? prompt - cached : -1;
            event.cached = cached > 0 ? cached : -1;
            event.output = model.output()
                    ? lognormal(code ? CODE_OUTPUT_MU : CONV_OUTPUT_MU, code ? CODE_OUTPUT_SIGMA : CONV_OUTPUT_SIGMA, z1, MAX_OUTPUT)
                    : -1;
        }
        if (model.gpu()) {
            event.gpuTenths = Math.min(36_000, Math.max(1, Math.round(StrictMath.exp(GPU_MU + z0) * 10)));
        }
    }

    private static long lognormal(double mu, double sigma, double z, long max) {
        return Math.min(max, Math.max(1, Math.round(StrictMath.exp(mu + sigma * z))));
    }
}
