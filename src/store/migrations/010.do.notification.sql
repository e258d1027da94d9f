-- Affected individuals and the notices sent to them (issue 7).
--
-- A population is the set of individuals one incident must notify. Contact
-- details (names, addresses, email, mobile, next of kin) are stored only as
-- AES-256-GCM ciphertext in `contact`; the plain columns are what channel
-- planning and paging need and identify no one outside the patient directory.

CREATE TABLE notification_populations (
  id          uuid        PRIMARY KEY,
  incident_id text        NOT NULL,
  tenant_id   text        NOT NULL,
  source      text        NOT NULL,
  size        integer     NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX notification_populations_incident ON notification_populations (incident_id);

CREATE TABLE notification_individuals (
  population_id  uuid    NOT NULL REFERENCES notification_populations (id),
  -- 1..size in import order: the cursor a fan-out pages by.
  ordinal        integer NOT NULL,
  individual_id  text    NOT NULL,
  language       text    NOT NULL,
  email_consent  boolean NOT NULL,
  deceased       boolean NOT NULL,
  contact_key_id text    NOT NULL,
  contact        bytea   NOT NULL,
  PRIMARY KEY (population_id, ordinal),
  UNIQUE (population_id, individual_id)
);

-- One row per notice per channel. The key (incident, individual, channel) is
-- the idempotency key: a row is written before a send and updated after it,
-- so a retried or restarted fan-out sees what was already sent.
CREATE TABLE notification_deliveries (
  incident_id    text        NOT NULL,
  individual_id  text        NOT NULL,
  channel        text        NOT NULL,
  population_id  uuid        NOT NULL REFERENCES notification_populations (id),
  status         text        NOT NULL,
  attempts       integer     NOT NULL DEFAULT 0,
  provider_id    text,
  error_code     text,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (incident_id, individual_id, channel)
);

CREATE INDEX notification_deliveries_provider ON notification_deliveries (provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX notification_deliveries_population ON notification_deliveries (population_id, status);
