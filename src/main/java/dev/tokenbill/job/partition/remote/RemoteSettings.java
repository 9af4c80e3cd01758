package dev.tokenbill.job.partition.remote;

/** What remote mode needs before anything starts: broker credentials, a broker URL for a worker, a shared database. */
final class RemoteSettings {

    private RemoteSettings() {
    }

    static void check(RemoteProperties properties, String datasourceUrl) {
        String role = properties.worker() ? "a worker" : "a remote run";
        if (properties.user().isBlank()) {
            throw new RemoteSettingException(role + " needs the broker user: set tokenbill.remote.user"
                    + " (TOKENBILL_BROKER_USER)");
        }
        if (properties.password().isBlank()) {
            throw new RemoteSettingException(role + " needs the broker password: set tokenbill.remote.password"
                    + " (TOKENBILL_BROKER_PASSWORD)");
        }
        if (properties.worker() && properties.brokerUrl().isBlank()) {
            throw new RemoteSettingException("a worker needs the manager's broker: set tokenbill.remote.broker-url"
                    + " (TOKENBILL_BROKER_URL), e.g. tcp://10.0.0.5:61616");
        }
        if (datasourceUrl == null || datasourceUrl.startsWith("jdbc:h2:")) {
            throw new RemoteSettingException(role + " needs the shared PostgreSQL database: the H2 database ("
                    + datasourceUrl + ") is a file of one host and cannot be shared; set spring.datasource.url,"
                    + " spring.datasource.username and spring.datasource.password (SPRING_DATASOURCE_URL, ...)");
        }
    }
}
