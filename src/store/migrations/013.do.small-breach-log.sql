-- The log of breaches affecting fewer than 500 individuals, which HIPAA lets
-- a covered entity report to HHS once a year, within 60 days after the end of
-- the calendar year of discovery (45 CFR 164.408(c)). One row per incident,
-- kept current as its facts change; a row leaves when corrected facts bring
-- the incident to 500 or more, since it is then reported on its own.

CREATE TABLE small_breach_log (
  tenant_id text COLLATE "C" NOT NULL,
  incident_id text COLLATE "C" NOT NULL,
  discovery_year integer NOT NULL,
  individuals integer NOT NULL CHECK (individuals >= 0 AND individuals < 500),
  discovered_at timestamptz NOT NULL,
  due_date date NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, incident_id)
);

CREATE INDEX small_breach_log_by_year ON small_breach_log (discovery_year, tenant_id);
