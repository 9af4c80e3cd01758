package dev.tokenbill.database;

import java.util.Collection;
import java.util.Collections;

/**
 * Reads the rows of a run that belong to a list of ids (customers, say) in one query that looks each id up in the
 * table's (run_id, id) primary key: the ids become a VALUES table joined to the table. H2 answers
 * {@code run_id = ? and id in (...)} by reading every row of the run, which makes paging through a run quadratic.
 */
public final class RunKeys {

    private RunKeys() {
    }

    /**
     * {@code (values (?), ...) as k(<column>) join <table> t on t.run_id = ? and t.<column> = k.<column>}, for
     * {@code count} ids (at least one); select from {@code t}, and pass {@link #args} as the arguments.
     */
    public static String join(String table, String column, int count) {
        return "(values " + String.join(", ", Collections.nCopies(count, "(?)")) + ") as k(" + column + ") join "
                + table + " t on t.run_id = ? and t." + column + " = k." + column;
    }

    /** The arguments of {@link #join}: the ids, then the run. */
    public static Object[] args(Collection<?> ids, long runId) {
        Object[] args = new Object[ids.size() + 1];
        int i = 0;
        for (Object id : ids) {
            args[i++] = id;
        }
        args[i] = runId;
        return args;
    }
}
