-- plans-whatif.csv lists every other plan of a customer's currency and interval: a plan that cannot
-- carry the customer's period (it does not price a model or meter used) has no amount but a reason.
-- The reason's longest text is 'does not price meter <meter 64> of model <model 256>' (351 characters).
alter table plan_whatif add column reason varchar(400);
alter table plan_whatif alter column amount drop not null;
alter table plan_whatif alter column difference drop not null;
