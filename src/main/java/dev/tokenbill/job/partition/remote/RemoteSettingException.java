package dev.tokenbill.job.partition.remote;

/**
 * A setting that remote mode needs is missing or cannot work (no broker user, an H2 database, ...): the process does
 * not start, and the command line reports the message as a usage error (exit 64).
 */
public class RemoteSettingException extends RuntimeException {

    public RemoteSettingException(String message) {
        super(message);
    }
}
