package dev.tokenbill.generate;

/**
 * The meters that one plan prices for one model, read from the catalog: a usage row writes exactly
 * these meters and leaves the others empty. {@code longContextThreshold} is -1 when the model has
 * no long-context condition on the plan.
 */
record ModelProfile(String model, boolean input, boolean cached, boolean output, boolean gpu, long longContextThreshold) {

    boolean tokens() {
        return input || cached || output;
    }
}
