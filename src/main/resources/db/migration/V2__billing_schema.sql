-- tokenbill's own tables (the Spring Batch job repository comes from V1, Spring Batch's own script).
-- Every table is keyed by run_id, the Spring Batch job instance id of a billing run, so a restart
-- (same instance) rewrites its own rows and never touches another run's.

create table billing_run (
    run_id      bigint       not null primary key,
    period      varchar(10)  not null,
    mode        varchar(5)   not null,
    status      varchar(12)  not null,
    input_dir   varchar(1000),
    output_dir  varchar(1000)
);

create table customer (
    run_id      bigint        not null,
    customer_id varchar(64)   not null,
    name        varchar(1000) not null,
    email       varchar(1000),
    address     varchar(4000),
    country     varchar(2)    not null,
    currency    varchar(3)    not null,
    tax_exempt  boolean       not null,
    primary key (run_id, customer_id)
);

create table subscription (
    run_id          bigint      not null,
    subscription_id varchar(64) not null,
    customer_id     varchar(64) not null,
    plan_id         varchar(64) not null,
    start_date      date        not null,
    end_date        date,
    quantity        integer     not null,
    coupon_code     varchar(64),
    primary key (run_id, subscription_id)
);

-- one row per usage row read, whatever became of it (the reconciliation counts these)
create table usage_event (
    run_id          bigint       not null,
    file_name       varchar(255) not null,
    line_no         bigint       not null,
    read_status     varchar(16)  not null, -- what validation decided
    status          varchar(16)  not null, -- after de-duplication (DUPLICATE, or REJECTED for a conflict)
    event_id        varchar(256),
    content_hash    varchar(32),
    customer_id     varchar(64),
    subscription_id varchar(64),
    model           varchar(256),
    usage_day       date,
    price_condition varchar(16),
    primary key (run_id, file_name, line_no)
);
create index usage_event_by_id on usage_event (run_id, event_id);

-- the non-zero meter quantities of each usage row
create table usage_meter (
    run_id    bigint         not null,
    file_name varchar(255)   not null,
    line_no   bigint         not null,
    meter     varchar(64)    not null,
    quantity  numeric(38, 12) not null,
    primary key (run_id, file_name, line_no, meter)
);

create table usage_reject (
    run_id    bigint        not null,
    file_name varchar(255)  not null,
    line_no   bigint        not null,
    event_id  varchar(256),
    reason    varchar(1000) not null,
    raw_text  varchar(100000),
    primary key (run_id, file_name, line_no)
);

-- accepted, de-duplicated usage per subscription, model, meter and price condition
create table usage_total (
    run_id          bigint          not null,
    customer_id     varchar(64)     not null,
    subscription_id varchar(64)     not null,
    model           varchar(256)    not null,
    meter           varchar(64)     not null,
    price_condition varchar(16)     not null,
    quantity        numeric(38, 12) not null,
    primary key (run_id, subscription_id, model, meter, price_condition)
);

create table invoice (
    run_id         bigint         not null,
    customer_id    varchar(64)    not null,
    period         varchar(10)    not null,
    status         varchar(8)     not null,
    invoice_number varchar(32),
    currency       varchar(3)     not null,
    subtotal       numeric(20, 4) not null,
    discounts      numeric(20, 4) not null,
    tax_name       varchar(64)    not null,
    tax_rate       numeric(9, 6)  not null,
    tax            numeric(20, 4) not null,
    tax_exempt     boolean        not null,
    total          numeric(20, 4) not null,
    credits        numeric(20, 4) not null,
    amount_due     numeric(20, 4) not null,
    pdf_file       varchar(255),
    primary key (run_id, customer_id),
    constraint invoice_number_unique unique (invoice_number)
);

create table invoice_line (
    run_id          bigint          not null,
    customer_id     varchar(64)     not null,
    position        integer         not null,
    kind            varchar(16)     not null,
    description     varchar(1000)   not null,
    subscription_id varchar(64),
    plan_id         varchar(64),
    meter           varchar(64),
    model           varchar(256),
    price_condition varchar(16),
    usage_quantity  numeric(38, 12),
    included        numeric(38, 12),
    quantity        numeric(38, 12),
    unit_price      numeric(38, 18),
    amount          numeric(20, 4)  not null,
    primary key (run_id, customer_id, position)
);

create table invoice_line_tier (
    run_id      bigint          not null,
    customer_id varchar(64)     not null,
    position    integer         not null,
    tier        integer         not null,
    from_units  numeric(38, 12) not null,
    up_to       numeric(38, 12),
    units       numeric(38, 12) not null,
    unit_price  numeric(38, 18) not null,
    flat_fee    numeric(38, 18) not null,
    amount      numeric(20, 4)  not null,
    primary key (run_id, customer_id, position, tier)
);

-- gapless invoice numbering: one row per series, advanced in the numbering transaction
create table invoice_sequence (
    series      varchar(32) not null primary key,
    next_number bigint      not null
);
