-- The usage pipeline no longer stores every usage row (issue 8: a row-per-event table cost more
-- than all the rest of a run). It keeps per-file counts for the reconciliation, the rejects and
-- the totals; usage_event and usage_meter go.
create table usage_file (
    run_id        bigint       not null,
    file_name     varchar(255) not null,
    rows_read     bigint       not null,
    accepted      bigint       not null,
    duplicates    bigint       not null,
    rejected      bigint       not null,
    out_of_period bigint       not null,
    primary key (run_id, file_name)
);

drop table usage_meter;
drop table usage_event;
