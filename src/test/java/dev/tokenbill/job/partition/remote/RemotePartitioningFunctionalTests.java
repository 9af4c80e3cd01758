package dev.tokenbill.job.partition.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.TokenbillApplication;
import dev.tokenbill.testsupport.EmbeddedPostgresServer;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A manager and a worker in one JVM, each a whole tokenbill context, talking over the manager's embedded Artemis
 * broker (JMS over TCP on loopback) and sharing one PostgreSQL database, run the small partitioned job of
 * {@link RemoteTestJob}.
 */
class RemotePartitioningFunctionalTests {

    private static final String USER = "tokenbill";
    private static final String PASSWORD = "s3cret-for-tests";

    private static int port;
    private static ConfigurableApplicationContext manager;
    private static ConfigurableApplicationContext worker;
    private static RemoteWorker remoteWorker;

    @TempDir
    Path input;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String database = EmbeddedPostgresServer.createDatabase();
        manager = context(database, "tokenbill.remote.embedded-bind=tcp://127.0.0.1:" + port,
                "tokenbill.remote.partition-timeout=3s", "tokenbill.remote.poll-interval=200ms");
        worker = context(database, "tokenbill.remote.worker=true", "tokenbill.remote.broker-url=tcp://127.0.0.1:" + port,
                "tokenbill.threads=2");
        remoteWorker = worker.getBean(RemoteWorker.class);
        remoteWorker.start();
    }

    private static ConfigurableApplicationContext context(String database, String... properties) {
        List<String> all = new ArrayList<>(List.of("logging.file.name=target/tokenbill-test.log",
                "logging.threshold.console=WARN", "spring.datasource.url=" + database,
                "spring.datasource.username=" + EmbeddedPostgresServer.USER, "spring.datasource.password=",
                "spring.datasource.driver-class-name=org.postgresql.Driver", "tokenbill.remote.enabled=true",
                "tokenbill.remote.user=" + USER, "tokenbill.remote.password=" + PASSWORD));
        all.addAll(List.of(properties));
        // as command-line arguments: they outrank application.properties and are there before logging starts
        return new SpringApplicationBuilder(TokenbillApplication.class, RemoteTestJob.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    @BeforeEach
    void reset() throws IOException {
        RemoteTestJob.failing = null;
        RemoteTestJob.SUM.set(0);
        Files.writeString(input.resolve("customers.csv"), "0123456789");
    }

    private JobExecution run(int partitions, boolean tamper) throws Exception {
        RemoteTestJob.partitions = partitions;
        return manager.getBean(JobOperator.class).start(manager.getBean("remotePartitionsJob", Job.class),
                new JobParametersBuilder().addString("input", input.toString())
                        .addString("tamper", Boolean.toString(tamper))
                        .addLong("attempt", System.nanoTime()).toJobParameters());
    }

    /** The partitions as the job repository has them (the manager's own objects are those it sent). */
    private static List<StepExecution> partitionsOf(JobExecution execution) {
        return manager.getBean(JobRepository.class).getJobExecution(execution.getId()).getStepExecutions().stream().filter(s -> s.getStepName().startsWith("sumNumbersPartition:"))
                .toList();
    }

    private static String failure(JobExecution execution) {
        return execution.getAllFailureExceptions().isEmpty() ? execution.getExitStatus().getExitDescription()
                : execution.getAllFailureExceptions().get(0).getMessage();
    }

    @Test
    void thePartitionsRunOnTheWorker() throws Exception {
        long before = remoteWorker.executed();

        JobExecution execution = run(5, false);

        assertThat(execution.getStatus()).as(failure(execution)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(manager.getBean(dev.tokenbill.job.partition.Partitions.class)).isInstanceOf(RemotePartitions.class);
        assertThat(remoteWorker.executed() - before).isEqualTo(5);
        assertThat(partitionsOf(execution)).hasSize(5).allSatisfy(p -> {
            assertThat(p.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(p.getReadCount()).isEqualTo(10);
            assertThat(p.getWriteCount()).isEqualTo(10);
        });
        assertThat(RemoteTestJob.SUM.get()).isEqualTo(50 * 51 / 2); // 1 + 2 + ... + 50 = 1,275
    }

    @Test
    void aStepWithNoPartitionsCompletes() throws Exception {
        long before = remoteWorker.executed();

        JobExecution execution = run(0, false);

        assertThat(execution.getStatus()).as(failure(execution)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName).contains("sumNumbers");
        assertThat(partitionsOf(execution)).isEmpty();
        assertThat(remoteWorker.executed()).isEqualTo(before);
    }

    @Test
    void withNoWorkerListeningTheStepFailsAfterTheTimeoutNamingThePartitions() throws Exception {
        remoteWorker.stopTaking();
        try {
            long start = System.nanoTime();
            JobExecution execution = run(2, false);
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(seconds).isBetween(3.0, 8.0);
            assertThat(failure(execution)).contains("sumNumbers: 2 of 2 partitions failed",
                    "sumNumbersPartition:partition0: no worker took it within 3 s",
                    "sumNumbersPartition:partition1: no worker took it within 3 s");
            assertThat(partitionsOf(execution)).extracting(StepExecution::getStatus)
                    .containsOnly(BatchStatus.FAILED);
        } finally {
            remoteWorker.start(); // takes the two requests left in the queue and drops them: they are FAILED
        }
    }

    @Test
    void restartRunsOnlyThePartitionsThatFailed() throws Exception {
        RemoteTestJob.failing = "partition1";
        long before = remoteWorker.executed();
        JobExecution first = run(3, false);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failure(first)).contains("sumNumbers: 1 of 3 partitions failed: sumNumbersPartition:partition1: ");
        assertThat(RemoteTestJob.SUM.get()).isEqualTo((1 + 10) * 10 / 2 + (21 + 30) * 10 / 2); // 55 + 255

        RemoteTestJob.failing = null;
        JobExecution second = manager.getBean(JobOperator.class).restart(first);

        assertThat(second.getStatus()).as(failure(second)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitionsOf(second)).extracting(StepExecution::getStepName)
                .containsExactly("sumNumbersPartition:partition1");
        assertThat(RemoteTestJob.SUM.get()).isEqualTo(55 + 255 + (11 + 20) * 10 / 2); // + 155 = 1..30 = 465
        assertThat(remoteWorker.executed() - before).isEqualTo(3 + 1);
    }

    @Test
    void aWorkerThatSeesOtherInputFilesFailsThePartitionSayingWhich() throws Exception {
        long before = remoteWorker.executed();

        JobExecution execution = run(2, true); // customers.csv: 10 bytes recorded, then 3 appended

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(remoteWorker.executed()).isEqualTo(before);
        assertThat(failure(execution)).contains("sumNumbersPartition:partition0: worker host ",
                " sees customers.csv with 13 bytes, the run recorded 10");
        assertThat(partitionsOf(execution)).allSatisfy(p -> {
            assertThat(p.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(p.getExitStatus().getExitDescription()).contains("sees customers.csv with 13 bytes, the run"
                    + " recorded 10");
        });
    }

    @Test
    void theEmbeddedBrokerIsOnLoopbackAndAdmitsTheConfiguredUserOnly() throws Exception {
        var broker = manager.getBean(RemotePartitioningConfiguration.Broker.class);
        assertThat(broker.embedded().boundHost()).isEqualTo("127.0.0.1");

        String url = "tcp://127.0.0.1:" + port;
        try (Connection ok = new ActiveMQConnectionFactory(url, USER, PASSWORD).createConnection()) {
            ok.start();
        }
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(url, USER, "wrong").createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(url).createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
    }
}
