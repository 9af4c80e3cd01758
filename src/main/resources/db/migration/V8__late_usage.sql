-- Late usage (issue 14): a usage row of a period already billed final is rejected as late, and its
-- own reconciliation column counts it: rows_read = accepted + duplicates + rejected + out_of_period + late.
alter table usage_file add column late bigint default 0 not null;

-- The event ids a final run accepted (billed), with their content hash, so a later run tells an
-- event already billed (a duplicate, or a conflict if its content changed) from late usage exactly.
-- No primary key: rows are appended in one run's order and read back whole by run_id; a key on the
-- event id would make every final run pay for random index inserts.
create table billed_event (
    run_id       bigint       not null,
    event_id     varchar(256) not null,
    content_high bigint       not null,
    content_low  bigint       not null
);
create index billed_event_by_run on billed_event (run_id);
