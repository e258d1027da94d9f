-- The PHI access audit log: append-only, hash-chained per tenant.
--
-- `seq` is gap-free per tenant and `hash` = SHA-256(prev_hash, canonical
-- event), so an edited, deleted or reordered row is detectable; the chain head
-- of each tenant lives in audit_chain_heads, whose row lock serialises ingest
-- into one tenant without blocking the others.

CREATE TABLE audit_events (
  tenant_id     text        NOT NULL,
  seq           bigint      NOT NULL,
  id            uuid        NOT NULL,
  occurred_at   timestamptz NOT NULL,
  received_at   timestamptz NOT NULL,
  user_id       text        NOT NULL,
  ip_address    inet,
  user_agent    text,
  action        text        NOT NULL,
  resource_type text        NOT NULL,
  resource_id   text,
  patient_id    text,
  phi_accessed  boolean     NOT NULL,
  outcome       text        NOT NULL,
  details       jsonb       NOT NULL,
  prev_hash     text        NOT NULL,
  hash          text        NOT NULL,
  PRIMARY KEY (tenant_id, seq),
  UNIQUE (tenant_id, id)
);

CREATE TABLE audit_chain_heads (
  tenant_id text   PRIMARY KEY,
  seq       bigint NOT NULL,
  hash      text   NOT NULL
);

-- Triggers bind every role, the table owner and superusers included; only a
-- superuser who disables triggers (session_replication_role = replica) gets
-- past them, and the hash chain then shows what was changed.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
