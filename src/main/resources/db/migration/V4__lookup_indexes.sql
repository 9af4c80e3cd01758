-- per-customer lookups of the rating and allocation steps (found by the 1M-event benchmark: without
-- them every customer's lookup scanned the whole run)
create index usage_total_by_customer on usage_total (run_id, customer_id);
create index subscription_by_customer on subscription (run_id, customer_id);
create index credit_grant_by_customer on credit_grant (run_id, customer_id);
create index credit_applied_by_grant on credit_applied (grant_id);
create index invoice_by_period on invoice (period, status);
