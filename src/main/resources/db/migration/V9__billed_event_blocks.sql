-- Billed event ids packed (issue 15): one row per id cost a final run ~38 s at 1M ids on H2. A block holds up to
-- 4,096 ids with their content hashes (usage.internal.BilledEventBlocks: length-prefixed UTF-8 ids, 128-bit hashes),
-- appended in block_no order and read back a few blocks at a time. bytea: PostgreSQL's type, which H2 accepts as
-- BINARY VARYING (both checked).
create table billed_event_block (
    run_id   bigint  not null,
    block_no integer not null,
    events   integer not null,
    packed   bytea   not null,
    primary key (run_id, block_no)
);

-- billed_event (V8) stays, read only: final runs billed before this migration recorded their ids there, and a later
-- run still reads them (a final run without blocks). Nothing writes it any more.
