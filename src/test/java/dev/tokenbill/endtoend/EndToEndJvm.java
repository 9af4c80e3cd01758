package dev.tokenbill.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the end-to-end tests start the jar. Most of them start tokenbill dozens of times on small inputs, where the JVM's
 * own start-up and JIT compilation are most of a run: on the crash tests' 40,000-event input (2 cores, 2026-12-04), a
 * final run took 17-18 s wall and 30 CPU-seconds as {@code java -jar target/tokenbill.jar}, and 7.3-7.9 s and 11
 * CPU-seconds started as the README's "Start-up" section installs it, with the Class Data Sharing archive of
 * {@code tools/build-cds-archive.sh}, plus {@code -XX:TieredStopAtLevel=1} (the C1 compiler only: it changes how fast
 * the code runs, nothing of what it does). So {@link #installed()} is what most tests use (one archive built per test
 * JVM, from the jar under test, and checked with {@code -Xshare:on}: a broken archive script fails them; a JVM that
 * cannot share classes at all runs them on the plain jar, C1 only, and says so), and {@link #plain()} is the quick
 * start's own {@code java -jar}, which {@link CommandLineEndToEndIT} keeps.
 */
final class EndToEndJvm {

    /** The packaged jar, as the quick start runs it. */
    static final Path JAR = Path.of("target/tokenbill.jar").toAbsolutePath();

    /** The options of every run (the archive is trained and checked with the same ones). */
    private static final List<String> OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    private static final Path CDS = Path.of("target/e2e-cds").toAbsolutePath();

    private static boolean built;
    private static boolean shared = true;

    private EndToEndJvm() {
    }

    /** {@code java -Xmx512m -jar target/tokenbill.jar}. */
    static List<String> plain() {
        return List.of("java", "-Xmx512m", "-jar", JAR.toString());
    }

    /** The jar extracted with its CDS archive, C1 only: what {@link #javaOptions()} and {@link #installedJar()} say. */
    static List<String> installed() {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(options());
        command.addAll(List.of("-jar", installedJar().toString()));
        return command;
    }

    /** The JVM options of an installed run, as one JAVA_OPTS value (builds the archive on first use). */
    static String javaOptions() {
        return String.join(" ", options());
    }

    private static List<String> options() {
        buildOnce();
        List<String> options = new ArrayList<>(OPTIONS);
        if (shared) {
            options.add("-XX:SharedArchiveFile=" + CDS.resolve("tokenbill.jsa"));
        }
        return options;
    }

    /** The extracted jar the archive belongs to (builds it on first use). */
    static Path installedJar() {
        buildOnce();
        return shared ? CDS.resolve("tokenbill.jar") : JAR;
    }

    private static synchronized void buildOnce() {
        if (built) {
            return;
        }
        try {
            if (new ProcessBuilder("java", "-Xshare:on", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0) {
                System.err.println("this JVM cannot share classes (java -Xshare:on -version failed): the end-to-end"
                        + " tests run target/tokenbill.jar with " + String.join(" ", OPTIONS) + " and no CDS archive");
                shared = false;
                built = true;
                return;
            }
            ProcessBuilder builder = new ProcessBuilder("sh", "tools/build-cds-archive.sh", CDS.toString())
                    .redirectErrorStream(true);
            builder.environment().put("JAVA_OPTS", String.join(" ", OPTIONS));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("tools/build-cds-archive.sh failed:\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError("tools/build-cds-archive.sh could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted building the CDS archive", e);
        }
        built = true;
    }
}
