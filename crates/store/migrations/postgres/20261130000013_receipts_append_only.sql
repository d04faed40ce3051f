-- A decision's receipt is what the workflow acted on: like the audit log, it is never changed
-- or removed once written.
CREATE FUNCTION decision_receipts_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'decision_receipts is append-only';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER decision_receipts_no_change BEFORE UPDATE OR DELETE ON decision_receipts
FOR EACH ROW EXECUTE FUNCTION decision_receipts_append_only();
