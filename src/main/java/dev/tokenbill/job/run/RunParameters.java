package dev.tokenbill.job.run;

/** The names of the billing job's parameters. period, mode and attempt identify a run; the paths do not. */
public final class RunParameters {

    public static final String JOB_NAME = "billing";
    public static final String PERIOD = "period";
    public static final String MODE = "mode";
    public static final String ATTEMPT = "attempt";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String CORRECTION = "correction";

    private RunParameters() {
    }
}
