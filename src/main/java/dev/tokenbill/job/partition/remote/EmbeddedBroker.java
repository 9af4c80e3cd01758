package dev.tokenbill.job.partition.remote;

import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Artemis broker a manager starts when no {@code tokenbill.remote.broker-url} is given: one acceptor at the
 * configured address (loopback by default), security on, the configured user as its only user (no anonymous access),
 * no persistence (it lives and dies with the manager's run), and the queue of partition requests.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String ROLE = "tokenbill";

    private final String bind;
    private final EmbeddedActiveMQ server;

    private EmbeddedBroker(String bind, EmbeddedActiveMQ server) {
        this.bind = bind;
        this.server = server;
    }

    /** Starts a broker listening at {@code bind} ({@code tcp://host:port}) for {@code user} only. */
    public static EmbeddedBroker start(String bind, String user, String password) {
        try {
            ConfigurationImpl configuration = new ConfigurationImpl();
            configuration.setPersistenceEnabled(false);
            configuration.setJMXManagementEnabled(false);
            configuration.setSecurityEnabled(true);
            configuration.addAcceptorConfiguration("tokenbill", bind);
            // every permission, to the one role the one user has; the cluster password is not used (no cluster)
            configuration.putSecurityRoles("#", Set.of(new Role(ROLE, true, true, true, true, true, true, false, true,
                    true, true, false, false)));
            // as a broker's default configuration has them: where undeliverable and expired messages go
            configuration.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of("DLQ"))
                    .setExpiryAddress(SimpleString.of("ExpiryQueue")));
            configuration.addQueueConfiguration(QueueConfiguration.of(PartitionRequests.QUEUE)
                    .setAddress(PartitionRequests.QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true));
            SecurityConfiguration users = new SecurityConfiguration();
            users.addUser(user, password);
            users.addRole(user, ROLE);
            EmbeddedActiveMQ server = new EmbeddedActiveMQ();
            server.setConfiguration(configuration);
            server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
            server.start();
            log.info("embedded broker listening at {} (user {})", bind, user);
            return new EmbeddedBroker(bind, server);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded broker at " + bind + ": " + e.getMessage()
                    + " (tokenbill.remote.embedded-bind; or give tokenbill.remote.broker-url)", e);
        }
    }

    public String bind() {
        return bind;
    }

    /** The host the acceptor is bound to, as the broker was configured. */
    public String boundHost() {
        return server.getConfiguration().getAcceptorConfigurations().iterator().next().getParams().get("host")
                .toString();
    }

    @Override
    public void close() {
        try {
            server.stop();
            log.info("embedded broker at {} stopped", bind);
        } catch (Exception e) {
            log.warn("embedded broker at {} did not stop cleanly: {}", bind, e.toString());
        }
    }
}
