-- The forensic evidence store: artifacts captured for an incident and the
-- chain-of-custody log of everything done with them.
--
-- Artifacts keep their bytes here, in the database, so one store serves every
-- worker and command (PostgreSQL in production, PGlite on one machine) and an
-- artifact is written in the same transaction as its custody entry.
-- src/evidence/vocabulary.ts caps an artifact at 50 MB to keep that cheap.
--
-- Custody entries are gap-free per incident (seq) and hash-chained:
-- hash = SHA-256(prev_hash, canonical entry), as src/evidence/custody-entry.ts
-- writes down. evidence_custody_heads holds each incident's head; its row lock
-- serialises appends to one incident without blocking the others.

CREATE TABLE evidence_artifacts (
  incident_id  text        NOT NULL,
  id           uuid        NOT NULL PRIMARY KEY,
  kind         text        NOT NULL,
  name         text        NOT NULL,
  media_type   text        NOT NULL,
  sha256       text        NOT NULL,
  size         bigint      NOT NULL,
  captured_by  text        NOT NULL,
  captured_at  timestamptz NOT NULL,
  -- How the artifact was produced (the selection of an audit-event capture); {} for uploads.
  source       jsonb       NOT NULL,
  -- Set by callers that may retry (activities): a second capture under the same key returns the first.
  capture_key  text,
  content      bytea       NOT NULL,
  UNIQUE (incident_id, capture_key)
);

CREATE INDEX evidence_artifacts_incident ON evidence_artifacts (incident_id, captured_at);

CREATE TABLE evidence_custody (
  incident_id text        NOT NULL,
  seq         bigint      NOT NULL,
  action      text        NOT NULL,
  artifact_id uuid        REFERENCES evidence_artifacts (id),
  actor       text        NOT NULL,
  at          timestamptz NOT NULL,
  details     jsonb       NOT NULL,
  prev_hash   text        NOT NULL,
  hash        text        NOT NULL,
  PRIMARY KEY (incident_id, seq)
);

CREATE TABLE evidence_custody_heads (
  incident_id text   PRIMARY KEY,
  seq         bigint NOT NULL,
  hash        text   NOT NULL
);

-- As for audit_events: the triggers bind every role; only a superuser who
-- disables triggers gets past them, and the hashes then show what changed.
CREATE FUNCTION evidence_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER evidence_artifacts_append_only
  BEFORE UPDATE OR DELETE ON evidence_artifacts
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();

CREATE TRIGGER evidence_artifacts_no_truncate
  BEFORE TRUNCATE ON evidence_artifacts
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();

CREATE TRIGGER evidence_custody_append_only
  BEFORE UPDATE OR DELETE ON evidence_custody
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();

CREATE TRIGGER evidence_custody_no_truncate
  BEFORE TRUNCATE ON evidence_custody
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
