-- Detection: reference lists for Sigma placeholders, the sweeper's
-- watermarks, and the indexes the rules' look-backs read through.

-- `field|expand: '%name%'` in a rule matches the values of the tenant's
-- list `name`. An entry counts from effective_from (when set) and until
-- effective_until (when set), so "access by an account after it was
-- terminated" is one list entry with the termination time. A value may
-- appear more than once, for separate periods.
CREATE TABLE reference_lists (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id       text        NOT NULL,
  list_name       text        NOT NULL,
  value           text        NOT NULL,
  effective_from  timestamptz,
  effective_until timestamptz,
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_from IS NULL OR effective_until IS NULL OR effective_from < effective_until)
);

CREATE INDEX reference_lists_lookup ON reference_lists (tenant_id, list_name, value);

-- The last seq each tenant's events were swept up to; events after it are new.
CREATE TABLE sweeper_watermarks (
  tenant_id  text        PRIMARY KEY,
  seq        bigint      NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A sweep reads the windows around its new events by time, and derived
-- fields read each user's recent history.
CREATE INDEX audit_events_tenant_time ON audit_events (tenant_id, occurred_at);
CREATE INDEX audit_events_tenant_user_time ON audit_events (tenant_id, user_id, occurred_at);
