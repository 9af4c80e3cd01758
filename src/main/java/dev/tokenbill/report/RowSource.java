package dev.tokenbill.report;

import java.util.List;
import java.util.function.Consumer;

/** Rows handed out one at a time (read from the database as they are written out), in a fixed order. */
@FunctionalInterface
public interface RowSource<T> {

    void forEach(Consumer<? super T> action);

    static <T> RowSource<T> of(List<T> rows) {
        return rows::forEach;
    }
}
