-- The optional customers.csv columns (SPEC): the customer's VAT or tax number, the language of its documents,
-- its own payment terms and the e-invoice it receives. Existing rows are English-language customers with the defaults.
alter table customer add column tax_id varchar(32);
alter table customer add column language varchar(2) default 'en' not null;
alter table customer add column payment_terms_days integer;
alter table customer add column einvoice varchar(16);
