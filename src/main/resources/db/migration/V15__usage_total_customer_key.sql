-- usage_total keyed by customer first: the rating step reads it by customer range in exactly this order, so the
-- separate index usage_total_by_customer (V4) goes, and checkUsage, the one writer of these rows, inserts them in key
-- order (it sorts them so), appending to one index instead of maintaining two. A subscription belongs to one
-- customer, so the key identifies the same rows as before. Rebuilt as a new table: H2 and PostgreSQL name a
-- primary key constraint differently, and both can copy and rename.
create table usage_total_v15 (
    run_id          bigint          not null,
    customer_id     varchar(64)     not null,
    subscription_id varchar(64)     not null,
    model           varchar(256)    not null,
    meter           varchar(64)     not null,
    price_condition varchar(40)     not null,
    quantity        numeric(38, 12) not null,
    primary key (run_id, customer_id, subscription_id, model, meter, price_condition)
);
insert into usage_total_v15 (run_id, customer_id, subscription_id, model, meter, price_condition, quantity)
    select run_id, customer_id, subscription_id, model, meter, price_condition, quantity from usage_total;
drop table usage_total;
alter table usage_total_v15 rename to usage_total;
