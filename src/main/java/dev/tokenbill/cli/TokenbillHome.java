package dev.tokenbill.cli;

import java.nio.file.Path;

/**
 * The one directory under which the database ({@code data/tokenbill}), the log ({@code data/tokenbill.log}),
 * {@code input/} and {@code output/} default: {@code $TOKENBILL_HOME}, else the working directory. Always absolute,
 * so a path in a log line or message means the same under cron (whose working directory is $HOME) as in a shell.
 */
public final class TokenbillHome {

    /** The system property application.properties reads ({@code ${tokenbill.home}}); it wins over the variable. */
    public static final String PROPERTY = "tokenbill.home";

    private TokenbillHome() {
    }

    public static Path path() {
        String home = System.getProperty(PROPERTY);
        if (home == null || home.isBlank()) {
            home = System.getenv("TOKENBILL_HOME");
        }
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
    }

    /** Sets {@link #PROPERTY} to the absolute home, before Spring resolves the database and log paths from it. */
    public static void publish() {
        System.setProperty(PROPERTY, path().toString());
    }
}
