-- requests (accepted usage rows) per day of the period for each customer, for the invoice's usage chart:
-- one row per customer, the counts from the period's first day on, separated by commas
create table usage_daily (
    run_id      bigint        not null,
    customer_id varchar(64)   not null,
    first_day   date          not null,
    requests    varchar(1000) not null,
    primary key (run_id, customer_id)
);

