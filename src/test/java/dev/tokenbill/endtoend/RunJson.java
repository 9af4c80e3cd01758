package dev.tokenbill.endtoend;

import dev.tokenbill.testsupport.RunOutput;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * run.json in the form two runs of the same input must agree on: everything but what depends on the machine and the
 * execution history (the JVM's peak heap and threads; the steps, which list the last execution's only: after a
 * restart, the steps it ran, with their counts and seconds).
 */
final class RunJson {

    private RunJson() {
    }

    static JsonNode comparable(Path periodDir) {
        ObjectNode run = (ObjectNode) RunOutput.json(periodDir.resolve("run.json"));
        run.remove("jvm");
        run.remove("steps");
        return run;
    }
}
