-- Issue 14: a month that closes safely.

-- The input files a run bills, with their size and SHA-256, recorded when the run starts: a restart of the run
-- must find the same files (BillingRuns.restart refuses otherwise, naming the file).
create table run_input (
    run_id    bigint        not null,
    file_name varchar(1000) not null,
    size      bigint        not null,
    sha256    varchar(64)   not null,
    primary key (run_id, file_name)
);

-- One row per prepaid grant id, whatever run read it: a final run locks the rows of the grants it applies
-- (select ... for update) while it reads their balance and writes its credit lines, in one transaction, so
-- runs of different periods at once can never spend a grant twice.
create table credit_lock (
    grant_id varchar(64) not null primary key
);

-- true when a final (or correction) run wrote the row: such a credit counts against the grant's balance from the
-- moment it is written until its invoice is voided; a draft run's credit is a preview and takes nothing.
alter table credit_applied add column binding boolean default false not null;
