-- SMS status reports (Twilio's status callbacks) that arrived before their
-- delivery row carried the message id. The fan-out stores a chunk's message
-- SIDs in one statement after the chunk was sent, and Twilio calls back
-- within a second or two, so early reports are the rule. A report waits
-- here; the trigger applies it when a delivery row gets its id, under the
-- same rule as the webhook: a status only ever moves forward.

CREATE TABLE sms_status_reports (
  provider_id text        PRIMARY KEY,
  status      text        NOT NULL,
  error_code  text,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Reports for texts with no delivery row (pages and reminders to staff) are dropped after a day.
CREATE INDEX sms_status_reports_received ON sms_status_reports (received_at);

-- sending/retrying → sent → one final status: the order reports may move a row in.
CREATE FUNCTION sms_delivery_rank(status text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE status WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'undelivered' THEN 2 WHEN 'failed' THEN 2 ELSE 0 END
$$;

CREATE FUNCTION notification_deliveries_apply_sms_report() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  report sms_status_reports%ROWTYPE;
BEGIN
  IF NEW.channel <> 'sms' OR NEW.provider_id IS NULL THEN
    RETURN NEW;
  END IF;
  DELETE FROM sms_status_reports WHERE provider_id = NEW.provider_id RETURNING * INTO report;
  IF FOUND AND sms_delivery_rank(report.status) > sms_delivery_rank(NEW.status) THEN
    NEW.status := report.status;
    NEW.error_code := report.error_code;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER notification_deliveries_sms_report
  BEFORE INSERT OR UPDATE OF provider_id ON notification_deliveries
  FOR EACH ROW EXECUTE FUNCTION notification_deliveries_apply_sms_report();
