package dev.tokenbill.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Fills an {@link Event} for a given instant (customer, model, quantities) and formats it as a usage row. */
final class EventFactory {

    static final String HEADER = "event_id,timestamp,customer_id,model,input_tokens,cached_input_tokens,output_tokens,gpu_seconds";
    /** Share of a customer's requests that go to its favourite model of the plan; the rest are spread evenly. */
    private static final double FAVOURITE = 0.6;

    private final Population population;
    private final Timeline timeline;
    private final int customerWidth;

    EventFactory(Population population, Timeline timeline) {
        this.population = population;
        this.timeline = timeline;
        this.customerWidth = Ids.width(population.size);
    }

    int customerWidth() {
        return customerWidth;
    }

    /** Draws the customer (active on {@code day}), the model of its plan on that day and the quantities. */
    void draw(Event event, SplittableRandom rng, long millis, int day) {
        event.millis = millis;
        event.day = day;
        int c = population.drawActive(rng, day);
        event.customer = c;
        event.plan = population.planOn(c, day);
        List<ModelProfile> models = population.mix.plan(event.plan).models();
        int favourite = population.favourite[c] % models.size();
        event.model = models.get(rng.nextDouble() < FAVOURITE ? favourite : rng.nextInt(models.size()));
        TokenShape.sample(rng, event.model, population.code[c], event);
    }

    /** Appends the row after its event id, without the line end. */
    void appendFields(StringBuilder out, Event event) {
        out.append(',');
        timeline.appendIso(out, event.millis);
        out.append(',');
        Ids.customer(out, event.customer, customerWidth).append(',').append(event.model.model()).append(',');
        quantity(out, event.input).append(',');
        quantity(out, event.cached).append(',');
        quantity(out, event.output).append(',');
        if (event.gpuTenths >= 0) {
            out.append(event.gpuTenths / 10);
            if (event.gpuTenths % 10 != 0) {
                out.append('.').append(event.gpuTenths % 10);
            }
        }
    }

    private static StringBuilder quantity(StringBuilder out, long value) {
        return value >= 0 ? out.append(value) : out;
    }
}
