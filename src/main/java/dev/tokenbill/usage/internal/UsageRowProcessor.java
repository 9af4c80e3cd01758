package dev.tokenbill.usage.internal;

import dev.tokenbill.usage.ClassifiedRow;
import dev.tokenbill.usage.UsageClassifier;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Adapts the plain-Java {@link UsageClassifier} to the usage step. */
public class UsageRowProcessor implements ItemProcessor<UsageInputRow, ClassifiedRow> {

    private final UsageClassifier classifier;

    public UsageRowProcessor(UsageClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public ClassifiedRow process(UsageInputRow item) {
        return classifier.classify(item.file(), item.row().line(), item.row().cells(), item.row().hasExpectedCellCount(),
                item.meterColumns(), item.row().raw());
    }
}
