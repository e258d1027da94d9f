-- Tenant ids are compared byte by byte. They lead both keys of audit_events,
-- so every index insert compares them; under a libc locale (even C.UTF-8 on
-- PostgreSQL before 17) each comparison goes through strcoll, which made the
-- two indexes the largest single cost of bulk ingest. Tenant ids are short
-- ASCII slugs, so the "C" collation orders them exactly as any other would.

ALTER TABLE audit_events ALTER COLUMN tenant_id TYPE text COLLATE "C";
ALTER TABLE audit_chain_heads ALTER COLUMN tenant_id TYPE text COLLATE "C";
