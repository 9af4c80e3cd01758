package dev.tokenbill.cli;

/** Turns an exception chain into the one line an operator needs: the innermost message that says something. */
final class OneLine {

    private OneLine() {
    }

    static String of(Throwable error) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = error.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
