package dev.tokenbill.endtoend;

import dev.tokenbill.testsupport.RunOutput;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * run.json in the form two runs of the same input must agree on: everything but what depends on the machine and the
 * execution history (the JVM's peak heap and threads; each step's counts and seconds, which a restart splits over
 * executions). Of the steps, the job's own remain, by name and status (partition step executions are not listed).
 */
final class RunJson {

    private RunJson() {
    }

    static JsonNode comparable(Path periodDir) {
        ObjectNode run = (ObjectNode) RunOutput.json(periodDir.resolve("run.json"));
        run.remove("jvm");
        ArrayNode steps = run.putArray("steps-compared");
        for (JsonNode step : RunOutput.json(periodDir.resolve("run.json")).get("steps")) {
            String name = step.get("name").asString();
            if (!name.contains(":")) {
                steps.add(name + " " + step.get("status").asString());
            }
        }
        run.remove("steps");
        return run;
    }
}
