package dev.tokenbill.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The exit codes of every command, in one place. 2, 3 and 4 are what ops scripts already test for; 64 is sysexits'
 * EX_USAGE, so a typo in a cron line is told apart from a failed run.
 */
public enum ExitCode {
    SUCCESS(0, "success"),
    UNEXPECTED(1, "unexpected error, with a one-line reason"),
    RUN_FAILED(2, "the run failed; the last line names the step and the reason"),
    RUN_STOPPED(3, "the run was stopped ('stop' or SIGTERM); 'restart' resumes it"),
    REFUSED(4, "the request was refused, with the reason (period already final, run already running, ...)"),
    USAGE(64, "usage error: unknown option, missing or malformed argument");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Lists {@code codes} in the command's --help footer. */
    static void document(CommandSpec spec, ExitCode... codes) {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode c : codes) {
            list.put(String.format("%2d", c.code), c.meaning);
        }
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
    }
}
