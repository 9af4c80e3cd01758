package dev.tokenbill.endtoend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A remote-partitioning installation on this machine, as README "Running on several machines" describes it on three
 * hosts: one shared PostgreSQL database (a new one on the test JVM's embedded server), a manager whose embedded
 * broker listens on a free loopback port with a user and password, and workers that join that broker. Every process
 * it starts is remembered, so that {@link #close()} ends whatever a failed test left running.
 */
final class RemoteCluster implements AutoCloseable {

    static final String USER = "tokenbill";
    static final String PASSWORD = "s3cret-for-the-test";

    private final EndToEndDatabase.JarDatabase database;
    private final int brokerPort;
    private final List<TokenbillProcess> processes = new ArrayList<>();

    private RemoteCluster(EndToEndDatabase.JarDatabase database, int brokerPort) {
        this.database = database;
        this.brokerPort = brokerPort;
    }

    /** A new empty PostgreSQL database (the postgres profile, as production) and a free broker port on 127.0.0.1. */
    static RemoteCluster onLoopback(Path dir) throws IOException {
        return new RemoteCluster(EndToEndDatabase.POSTGRES.fresh(dir), freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    /** What every host needs besides the shared database: the broker's credentials. */
    private Map<String, String> common() {
        Map<String, String> env = new HashMap<>();
        env.put("TOKENBILL_BROKER_USER", USER);
        env.put("TOKENBILL_BROKER_PASSWORD", PASSWORD);
        return env;
    }

    /** The manager: remote mode, its embedded broker bound to the loopback port, the given partition timeout. */
    Map<String, String> managerEnvironment(Duration partitionTimeout) {
        Map<String, String> env = common();
        env.put("TOKENBILL_REMOTE", "true");
        env.put("TOKENBILL_BROKER_BIND", brokerUrl());
        env.put("TOKENBILL_PARTITION_TIMEOUT", partitionTimeout.toSeconds() + "s");
        return env;
    }

    /** A worker: the broker's URL. */
    Map<String, String> workerEnvironment() {
        Map<String, String> env = common();
        env.put("TOKENBILL_BROKER_URL", brokerUrl());
        return env;
    }

    /** Starts {@code tokenbill <args> --remote} as the manager, working in {@code dir}; start the workers first. */
    TokenbillProcess manager(Path dir, Duration partitionTimeout, String... args) throws IOException {
        String[] remote = Arrays.copyOf(args, args.length + 1);
        remote[args.length] = "--remote";
        return remember(TokenbillProcess.start(dir, database, managerEnvironment(partitionTimeout), remote));
    }

    /**
     * Starts {@code tokenbill worker} in each of {@code dirs} and waits until every one takes partitions (it prints
     * "executes partitions from"; it connects to the broker, now or when the manager has started it, within
     * seconds). Started before the manager, they are there when the first partition is sent, however slowly JVMs
     * start on a busy machine.
     */
    List<TokenbillProcess> workers(Path... dirs) throws Exception {
        List<TokenbillProcess> started = new ArrayList<>();
        for (Path dir : dirs) {
            started.add(remember(TokenbillProcess.start(dir, database, workerEnvironment(), "worker")));
        }
        for (TokenbillProcess worker : started) {
            if (!worker.awaitOutput("executes partitions from", 300_000)) {
                throw new AssertionError("the worker in " + worker.workDir() + " did not start:\n" + worker.output());
            }
        }
        return started;
    }

    private TokenbillProcess remember(TokenbillProcess process) {
        processes.add(process);
        return process;
    }

    /** The status of the step execution named {@code stepName} in the job repository (the latest), or null. */
    String stepStatus(String stepName) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "select status from batch_step_execution where step_name = ? order by step_execution_id desc")) {
            s.setString(1, stepName);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The shared database, as a finished run left it, and the run's outputs. */
    RunSnapshot snapshot(Path periodDir) throws Exception {
        return RunSnapshot.of(database, periodDir);
    }

    /** SIGKILL to whatever is still running (a test that failed half-way); a passing test has ended them all. */
    @Override
    public void close() throws InterruptedException {
        for (TokenbillProcess process : processes) {
            if (process.isAlive()) {
                process.kill();
            }
        }
    }
}
