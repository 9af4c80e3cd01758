package dev.tokenbill.job.partition.remote;

import dev.tokenbill.job.run.BillingProperties;
import dev.tokenbill.job.inputs.RunInputs;
import dev.tokenbill.job.partition.Partitions;
import jakarta.jms.ConnectionFactory;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Remote partitioning (issue 16), on when {@code tokenbill.remote.enabled=true} ({@code run --remote}, {@code restart
 * --remote}, {@code worker}): the {@link Partitions} of the billing job are {@link RemotePartitions} (the job
 * configuration's thread-based default is off then), partitions go as JMS messages to queue
 * {@value PartitionRequests#QUEUE} on an Artemis broker, and results come back through the shared job repository.
 * A manager with no {@code tokenbill.remote.broker-url} starts an {@link EmbeddedBroker}; a worker
 * ({@code tokenbill.remote.worker=true}, set by the worker command) takes partitions from the queue.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tokenbill.remote.enabled", havingValue = "true")
@EnableConfigurationProperties(RemoteProperties.class)
@EnableIntegration
public class RemotePartitioningConfiguration {

    /** The broker this process talks to, and the one it runs itself, if any (closed with the context). */
    public record Broker(String url, EmbeddedBroker embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * Checks the settings remote mode needs before any bean is made: a missing setting or an H2 database stops the
     * start before the database is opened (or an H2 file created).
     */
    @Bean
    public static BeanFactoryPostProcessor remoteSettingsCheck(Environment environment) {
        return beanFactory -> RemoteSettings.check(Binder.get(environment).bindOrCreate("tokenbill.remote",
                RemoteProperties.class), environment.getProperty("spring.datasource.url", ""));
    }

    /** Starts the embedded broker, or names the external one. */
    @Bean(destroyMethod = "close")
    public Broker remoteBroker(RemoteProperties properties) {
        if (properties.embeddedBroker()) {
            return new Broker(properties.embeddedBind(),
                    EmbeddedBroker.start(properties.embeddedBind(), properties.user(), properties.password()));
        }
        return new Broker(properties.brokerUrl(), null);
    }

    /**
     * The Artemis connection factory (Boot's own backs off). Consumers buffer no messages (window 0): a worker takes
     * a partition only when it can start it, so partitions go to whichever worker is free.
     */
    @Bean
    public ActiveMQConnectionFactory jmsConnectionFactory(Broker remoteBroker, RemoteProperties properties) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(remoteBroker.url(), properties.user(),
                properties.password());
        factory.setConsumerWindowSize(0);
        return factory;
    }

    @Bean
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /** Partition requests to the queue, over one cached connection. */
    @Bean
    public IntegrationFlow partitionRequestsToBroker(ActiveMQConnectionFactory jmsConnectionFactory) {
        return IntegrationFlow.from("partitionRequests")
                .handle(Jms.outboundAdapter(new CachingConnectionFactory(jmsConnectionFactory))
                        .destination(PartitionRequests.QUEUE))
                .get();
    }

    @Bean
    public Partitions partitions(JobRepository jobRepository, JdbcTemplate jdbc, DirectChannel partitionRequests,
            BillingProperties billing, RemoteProperties properties) {
        MessagingTemplate requests = new MessagingTemplate(partitionRequests);
        return new RemotePartitions(jobRepository, jdbc, requests, billing.effectivePartitions(true),
                properties.partitionTimeout(), properties.pollInterval());
    }

    /** The worker side, in a {@code tokenbill worker} process only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tokenbill.remote.worker", havingValue = "true")
    public static class Worker {

        @Bean
        public BeanFactoryStepLocator partitionStepLocator() {
            return new BeanFactoryStepLocator();
        }

        @Bean
        public PartitionWorker partitionWorker(JobRepository jobRepository, BeanFactoryStepLocator partitionStepLocator,
                RunInputs runInputs) {
            StepExecutionRequestHandler steps = new StepExecutionRequestHandler();
            steps.setJobRepository(jobRepository);
            steps.setStepLocator(partitionStepLocator);
            String name = workerName();
            return new PartitionWorker(jobRepository, steps, new WorkerInputCheck(runInputs, name), name);
        }

        /** Started by the worker command, not with the context. */
        @Bean
        public DefaultMessageListenerContainer partitionRequestsListener(
                @Qualifier("jmsConnectionFactory") ConnectionFactory jmsConnectionFactory, BillingProperties billing) {
            DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
            container.setConnectionFactory(jmsConnectionFactory);
            container.setDestinationName(PartitionRequests.QUEUE);
            container.setConcurrentConsumers(billing.effectiveThreads());
            container.setMaxConcurrentConsumers(billing.effectiveThreads());
            // acknowledged once handled: a request taken by a worker that is stopping goes back to the queue; one
            // taken by a worker that died is redelivered and dropped (its partition is STARTED: the manager's
            // timeout fails it, and restart runs it again)
            container.setSessionTransacted(false);
            container.setSessionAcknowledgeMode(jakarta.jms.Session.CLIENT_ACKNOWLEDGE);
            container.setReceiveTimeout(1000);
            // the broker may not be up yet (a manager's embedded one lives only while its run does): retry, after
            // 1 s, 2 s, ... then every 15 s, with one log line per attempt
            ExponentialBackOff reconnect = new ExponentialBackOff(1000, 2);
            reconnect.setMaxInterval(15_000);
            container.setBackOff(reconnect);
            container.setAutoStartup(false);
            return container;
        }

        @Bean
        public IntegrationFlow partitionRequestsFromBroker(DefaultMessageListenerContainer partitionRequestsListener,
                PartitionWorker partitionWorker) {
            return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(partitionRequestsListener).autoStartup(false))
                    .handle(String.class, (payload, headers) -> {
                        partitionWorker.handle(payload);
                        return null;
                    })
                    .get();
        }

        @Bean
        public RemoteWorker remoteWorker(DefaultMessageListenerContainer partitionRequestsListener,
                PartitionWorker partitionWorker, Broker remoteBroker) {
            return new RemoteWorker(partitionRequestsListener, partitionWorker, remoteBroker.url());
        }

        private static String workerName() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = System.getenv().getOrDefault("HOSTNAME", "unknown");
            }
            return "worker host " + host + " (pid " + ManagementFactory.getRuntimeMXBean().getPid() + ")";
        }
    }
}
