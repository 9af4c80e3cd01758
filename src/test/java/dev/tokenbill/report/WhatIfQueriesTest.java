package dev.tokenbill.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.testsupport.MigratedH2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * plan_whatif as the migrations build it (V11: a reason, nullable amounts) on H2, the default database: rows read
 * back with amounts at their currency's scale (stored as numeric(20, 4)), and rows without an amount.
 */
class WhatIfQueriesTest {

    private final JdbcTemplate jdbc = MigratedH2.create("whatif-queries");

    @Test
    void testAmountsAtTheCurrencyScale_AndRowsWithAReason() {
        // given
        jdbc.update("insert into plan_whatif (run_id, customer_id, current_plan, plan_id, currency, amount, difference, reason)"
                + " values (1, 'acme', 'payg', 'pro', 'USD', 10, -19.13, null)");
        jdbc.update("insert into plan_whatif (run_id, customer_id, current_plan, plan_id, currency, amount, difference, reason)"
                + " values (1, 'acme', 'payg', 'chat', 'USD', null, null, 'does not price model deepseek-chat')");
        jdbc.update("insert into plan_whatif (run_id, customer_id, current_plan, plan_id, currency, amount, difference, reason)"
                + " values (1, 'kyoto', 'yen-a', 'yen-b', 'JPY', 6000, -2600, null)");

        // when
        List<JdbcReportQueries.WhatIf> rows = new ArrayList<>();
        new JdbcReportQueries(jdbc).whatIfs(1).forEach(rows::add);

        // then 10 USD is written 10.00, 6000 JPY 6000 (not 1E+3 or 6000.0000)
        assertThat(rows).extracting(w -> w.customerId() + " " + w.plan() + " " + plain(w.amount()) + " "
                + plain(w.difference()) + " " + w.reason()).containsExactly(
                        "acme chat   does not price model deepseek-chat",
                        "acme pro 10.00 -19.13 null",
                        "kyoto yen-b 6000 -2600 null");
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
