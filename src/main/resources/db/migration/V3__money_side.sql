-- discounts, prepaid credits, cost allocation and plan what-if (all keyed by run_id like V2)

alter table invoice_line add column reference varchar(64);

-- the prepaid credit grants of credits.csv, as read by the run
create table credit_grant (
    run_id      bigint         not null,
    grant_id    varchar(64)    not null,
    customer_id varchar(64)    not null,
    granted_on  date           not null,
    amount      numeric(20, 4) not null,
    currency    varchar(3)     not null,
    expires_on  date,
    primary key (run_id, grant_id)
);

-- credit applied to an invoice; a grant's balance = its amount - what non-void final invoices of
-- other periods applied, so re-running a period never consumes a credit twice
create table credit_applied (
    run_id      bigint         not null,
    customer_id varchar(64)    not null,
    grant_id    varchar(64)    not null,
    period      varchar(10)    not null,
    amount      numeric(20, 4) not null,
    primary key (run_id, customer_id, grant_id)
);

create table cost_pool (
    run_id   bigint         not null,
    pool     varchar(64)    not null,
    amount   numeric(20, 4) not null,
    currency varchar(3)     not null,
    primary key (run_id, pool)
);

create table cost_allocation (
    run_id      bigint         not null,
    customer_id varchar(64)    not null,
    currency    varchar(3)     not null,
    share       numeric(20, 12) not null,
    amount      numeric(20, 4) not null,
    primary key (run_id, customer_id)
);

create table plan_whatif (
    run_id       bigint         not null,
    customer_id  varchar(64)    not null,
    current_plan varchar(64)    not null,
    plan_id      varchar(64)    not null,
    currency     varchar(3)     not null,
    amount       numeric(20, 4) not null,
    difference   numeric(20, 4) not null,
    primary key (run_id, customer_id, plan_id)
);
