-- a price condition is now a prompt band and a price date, such as LONG_CONTEXT_3@2026-10-15 (at most
-- 26 characters: PriceCondition.MAX_BANDS); STANDARD, OFF_PEAK and LONG_CONTEXT keep their names
alter table usage_total alter column price_condition set data type varchar(40);
alter table invoice_line alter column price_condition set data type varchar(40);
