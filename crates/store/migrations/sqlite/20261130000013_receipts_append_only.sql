-- A decision's receipt is what the workflow acted on: like the audit log, it is never changed
-- or removed once written.
CREATE TRIGGER decision_receipts_no_update BEFORE UPDATE ON decision_receipts
BEGIN SELECT RAISE(ABORT, 'decision_receipts is append-only'); END;
CREATE TRIGGER decision_receipts_no_delete BEFORE DELETE ON decision_receipts
BEGIN SELECT RAISE(ABORT, 'decision_receipts is append-only'); END;
