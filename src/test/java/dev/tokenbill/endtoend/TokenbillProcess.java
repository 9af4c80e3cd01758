package dev.tokenbill.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar as a separate process, on its own database (H2 file or PostgreSQL), like an operator would:
 * installed with its CDS archive unless started {@link #runPlain plain} (see {@link EndToEndJvm}).
 */
final class TokenbillProcess {

    private final Path workDir;
    private final EndToEndDatabase.JarDatabase database;
    private final Process process;
    private final Path stdout;

    private TokenbillProcess(Path workDir, EndToEndDatabase.JarDatabase database, Process process, Path stdout) {
        this.workDir = workDir;
        this.database = database;
        this.process = process;
        this.stdout = stdout;
    }

    static TokenbillProcess start(Path workDir, EndToEndDatabase.JarDatabase database, String... args)
            throws IOException {
        return start(workDir, database, Map.of(), args);
    }

    /** The same with {@code settings} added to the process's environment (a remote run's broker settings, say). */
    static TokenbillProcess start(Path workDir, EndToEndDatabase.JarDatabase database, Map<String, String> settings,
            String... args) throws IOException {
        return start(EndToEndJvm.installed(), workDir, database, settings, args);
    }

    private static TokenbillProcess start(List<String> java, Path workDir, EndToEndDatabase.JarDatabase database,
            Map<String, String> settings, String... args) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().putAll(database.environment());
        builder.environment().put("TOKENBILL_LOG", workDir.resolve("tokenbill.log").toString());
        builder.environment().putAll(settings);
        return new TokenbillProcess(workDir, database, builder.start(), out);
    }

    /** Waits for the end; fails (after killing the process) if it has not ended in time. */
    Result await(long time, TimeUnit unit) throws Exception {
        if (!process.waitFor(time, unit)) {
            process.destroyForcibly();
            throw new AssertionError("tokenbill did not finish in " + time + " " + unit + ":\n" + output());
        }
        return new Result(process.exitValue(), output());
    }

    /** Runs to the end and returns the exit code. */
    static Result run(Path workDir, EndToEndDatabase.JarDatabase database, String... args) throws Exception {
        return start(workDir, database, args).finish(String.join(" ", args));
    }

    /** The same, started as the quick start starts it: {@code java -Xmx512m -jar target/tokenbill.jar}. */
    static Result runPlain(Path workDir, EndToEndDatabase.JarDatabase database, String... args) throws Exception {
        return start(EndToEndJvm.plain(), workDir, database, Map.of(), args).finish(String.join(" ", args));
    }

    /** Waits (at most 5 minutes) for the process to end and returns its exit code and output. */
    Result finish(String what) throws Exception {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("tokenbill " + what + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), output());
    }

    record Result(int exitCode, String output) {
    }

    String output() throws IOException {
        return Files.readString(stdout);
    }

    /** Waits until the output contains {@code text}; false if the process ended first. */
    boolean awaitOutput(String text, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** SIGKILL: no shutdown hook, no cleanup, like the OOM killer. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The exit code after a SIGTERM, and how long after the signal the process took to end. */
    record Terminated(int exitCode, long millis) {
    }

    /** SIGTERM, like a deploy or a Kubernetes eviction; waits at most {@code seconds} for the process to end. */
    Terminated terminate(long seconds) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!ended) {
            kill();
            throw new AssertionError("still running " + seconds + " s after SIGTERM");
        }
        return new Terminated(process.exitValue(), millis);
    }

    /** SIGSTOP, then SIGCONT: the process freezes where it is (its job stays STARTED) until resumed. */
    void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    EndToEndDatabase.JarDatabase database() {
        return database;
    }

    Path workDir() {
        return workDir;
    }
}
