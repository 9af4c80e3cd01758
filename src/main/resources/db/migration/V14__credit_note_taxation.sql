-- A credit note reverses its invoice's taxation too: the category, country, notice and customer VAT number the
-- credited invoice was taxed with (its e-invoice states the same tax category as the invoice's).
alter table credit_note add column tax_category varchar(16) default 'STANDARD' not null;
alter table credit_note add column tax_country varchar(2);
alter table credit_note add column tax_notice varchar(1000);
alter table credit_note add column customer_tax_id varchar(32);

-- A credit note line copies its invoice line's price condition, which V10_1 widened (prompt bands, price dates).
alter table credit_note_line alter column price_condition set data type varchar(40);
