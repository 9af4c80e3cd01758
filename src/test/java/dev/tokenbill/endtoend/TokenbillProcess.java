package dev.tokenbill.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a separate process, with its own database file, like an operator would. */
final class TokenbillProcess {

    static final Path JAR = Path.of("target/tokenbill.jar").toAbsolutePath();

    private final Path workDir;
    private final Path database;
    private final Process process;
    private final Path stdout;

    private TokenbillProcess(Path workDir, Path database, Process process, Path stdout) {
        this.workDir = workDir;
        this.database = database;
        this.process = process;
        this.stdout = stdout;
    }

    static TokenbillProcess start(Path workDir, Path database, String... args) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("TOKENBILL_DB", database.toString());
        builder.environment().put("TOKENBILL_LOG", workDir.resolve("tokenbill.log").toString());
        return new TokenbillProcess(workDir, database, builder.start(), out);
    }

    /**
     * Starts the jar with {@code environment} added to this JVM's (for example {@code SPRING_DATASOURCE_URL} for a
     * shared PostgreSQL, the broker settings of a remote run); the log file is {@code tokenbill.log} in {@code workDir}.
     */
    static TokenbillProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().put("TOKENBILL_LOG", workDir.resolve("tokenbill.log").toString());
        builder.environment().putAll(environment);
        return new TokenbillProcess(workDir, null, builder.start(), out);
    }

    /** Runs to the end with {@code environment} added, and returns the exit code and output. */
    static Result run(Path workDir, Map<String, String> environment, String... args) throws Exception {
        return start(workDir, environment, args).await(5, TimeUnit.MINUTES);
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
    static Result run(Path workDir, Path database, String... args) throws Exception {
        TokenbillProcess p = start(workDir, database, args);
        if (!p.process.waitFor(5, TimeUnit.MINUTES)) {
            p.process.destroyForcibly();
            throw new AssertionError("tokenbill " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(p.process.exitValue(), p.output());
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

    boolean isAlive() {
        return process.isAlive();
    }

    Path database() {
        return database;
    }

    Path workDir() {
        return workDir;
    }
}
