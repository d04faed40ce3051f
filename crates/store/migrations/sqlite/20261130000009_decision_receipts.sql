-- The receipts of the decisions workflows act on: the rule and its version, the corpus version
-- it read (a content hash), the day and the facts, and the outcome, so that a decision can be
-- replayed and checked after the law or the rule changed. Written in the same transaction as
-- the change that acted on the decision, and never updated.
CREATE TABLE decision_receipts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    rule            TEXT NOT NULL,
    rule_version    BIGINT NOT NULL,
    corpus_version  TEXT NOT NULL,
    as_of           TEXT NOT NULL,
    facts           TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    entity          TEXT NOT NULL,
    entity_id       TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL
);
CREATE INDEX decision_receipts_entity ON decision_receipts (entity, entity_id);
