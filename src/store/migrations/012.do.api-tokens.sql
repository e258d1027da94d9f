-- API tokens. Only a SHA-256 digest of each token's secret is kept: the
-- secret is 32 random bytes, so a slow password hash would add nothing but
-- latency to every request. A revoked token stays, so its id is never reused.

CREATE TABLE api_tokens (
  id text COLLATE "C" PRIMARY KEY,
  tenant_id text COLLATE "C" NOT NULL,
  name text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  secret_sha256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
