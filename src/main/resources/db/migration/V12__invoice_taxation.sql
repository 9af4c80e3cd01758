-- How each invoice is taxed (issue 17): the category (TaxCategory name), the country whose tax applies, the notice
-- printed with its legal reference, and the customer's VAT number as it was when rated. One decision per invoice, so
-- its tax breakdown is one row: (category, country, tax_rate, subtotal - discounts, tax).
alter table invoice add column tax_category varchar(16) default 'STANDARD' not null;
alter table invoice add column tax_country varchar(2);
alter table invoice add column tax_notice varchar(255);
alter table invoice add column customer_tax_id varchar(32);
-- invoices rated before: exempt, taxed, or untaxed (rate 0)
update invoice set tax_category = 'EXEMPT' where tax_exempt;
update invoice set tax_category = 'OUTSIDE_SCOPE' where not tax_exempt and tax_rate = 0;
