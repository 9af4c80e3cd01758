-- Issue 17: credit notes, what a replacing invoice corrects, and each line's service period.

-- The invoice a correction run's invoice replaces (the voided invoice's number); null for an ordinary invoice.
alter table invoice add column corrects varchar(32);

-- The service period a line bills, start inclusive, end exclusive (null for discount and credit lines).
alter table invoice_line add column period_start date;
alter table invoice_line add column period_end date;

-- A credit note reverses one voided invoice: issued by the correction run (run_id) that voided it, one per customer
-- and correction run. Its amounts are the voided invoice's, negated; credit_note_number comes from its own gapless
-- series ('credit_note' in invoice_sequence), assigned in the transaction that voids the invoice.
create table credit_note (
    run_id             bigint         not null,
    customer_id        varchar(64)    not null,
    period             varchar(10)    not null,
    credit_note_number varchar(32)    not null,
    issue_date         date           not null,
    credits_invoice    varchar(32)    not null,
    credits_run_id     bigint         not null,
    invoice_issue_date date           not null,
    currency           varchar(3)     not null,
    subtotal           numeric(20, 4) not null,
    discounts          numeric(20, 4) not null,
    tax_name           varchar(64)    not null,
    tax_rate           numeric(9, 6)  not null,
    tax                numeric(20, 4) not null,
    tax_exempt         boolean        not null,
    total              numeric(20, 4) not null,
    credits            numeric(20, 4) not null,
    amount_due         numeric(20, 4) not null,
    pdf_file           varchar(255),
    primary key (run_id, customer_id),
    constraint credit_note_number_unique unique (credit_note_number),
    constraint credit_note_once unique (credits_invoice)
);
create index credit_note_by_period on credit_note (period);

-- The reversed lines: the voided invoice's lines as they were, amounts negated (quantities and prices kept).
create table credit_note_line (
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
    reference       varchar(64),
    period_start    date,
    period_end      date,
    primary key (run_id, customer_id, position)
);

-- The fees the previous period's final invoices billed in advance are read per rating chunk by customer range.
create index invoice_by_period_customer on invoice (period, status, customer_id);
