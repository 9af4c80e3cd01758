/**
 * Synthetic input for load tests and demos: {@link dev.tokenbill.generate.SyntheticInput} writes a
 * complete input directory (catalog, customers, subscriptions, usage files) of any size from a seed.
 * It streams usage rows (memory does not grow with the number of events), and the same
 * {@link dev.tokenbill.generate.GeneratorSpec} always gives byte-identical files: every random
 * choice comes from {@link java.util.SplittableRandom} streams split from the seed in a fixed order,
 * and transcendental functions use {@link java.lang.StrictMath}. Optional "dirt" (duplicates,
 * conflicts, malformed and out-of-period rows) exercises the reconciliation. Plain Java, no Spring.
 */
package dev.tokenbill.generate;
