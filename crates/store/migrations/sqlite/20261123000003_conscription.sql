-- The citizen register, summons campaigns and the summonses with their delivery events.
-- Statuses (registration, training, notification, follow-up) are derived by the rules and never
-- stored. A summons row that is electronic, belongs to a campaign being sent and has no sent_at
-- is the outbox: deciding and queueing the send are one row written in one transaction.
CREATE TABLE citizens (
    id                                   INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id                              BIGINT NOT NULL REFERENCES org_units (id),
    iin                                  TEXT NOT NULL UNIQUE,
    surname                              TEXT NOT NULL,
    given_name                           TEXT NOT NULL,
    patronymic                           TEXT NOT NULL,
    sex                                  TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date                           TEXT NOT NULL,
    children_birth_dates                 TEXT NOT NULL,
    residence_address                    TEXT NOT NULL,
    temporary_address                    TEXT NOT NULL,
    work_address                         TEXT NOT NULL,
    mobile                               TEXT,
    mobile_in_own_name                   BIGINT NOT NULL,
    egov_account_with_mobile             BIGINT NOT NULL,
    has_military_specialty               BIGINT NOT NULL,
    removed_reason                       TEXT NOT NULL,
    serving_sentence                     BIGINT NOT NULL,
    permanent_residence_abroad           BIGINT NOT NULL,
    law_enforcement_or_civil_protection  BIGINT NOT NULL,
    imported_at                          TEXT NOT NULL
);
CREATE INDEX citizens_unit ON citizens (unit_id);
CREATE INDEX citizens_surname ON citizens (surname, given_name);

CREATE TABLE campaigns (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id           BIGINT NOT NULL REFERENCES org_units (id),
    title             TEXT NOT NULL,
    purpose           TEXT NOT NULL,
    appearance_place  TEXT NOT NULL,
    appearance_at     TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('draft', 'planned', 'sending', 'closed')),
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL
);

CREATE TABLE summonses (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id             BIGINT NOT NULL REFERENCES campaigns (id),
    citizen_id              BIGINT NOT NULL REFERENCES citizens (id),
    channel                 TEXT NOT NULL,
    message_id              TEXT NOT NULL UNIQUE,
    recipient               TEXT NOT NULL,
    appearance_at           TEXT NOT NULL,
    planned_at              TEXT NOT NULL,
    send_attempts           BIGINT NOT NULL DEFAULT 0,
    next_attempt_at         TEXT,
    last_error              TEXT,
    sent_at                 TEXT,
    delivery_report_at      TEXT,
    read_at                 TEXT,
    number_changed          BIGINT NOT NULL DEFAULT 0,
    failed_at               TEXT,
    signed_at               TEXT,
    refused_noted_at        TEXT,
    handed_at_authority_at  TEXT,
    appeared_at             TEXT,
    excuse_reason           TEXT,
    UNIQUE (campaign_id, citizen_id)
);
CREATE INDEX summonses_citizen ON summonses (citizen_id);
CREATE INDEX summonses_unsent ON summonses (campaign_id, id) WHERE sent_at IS NULL;

-- Every event received from a channel, once: the event id is the idempotency key.
CREATE TABLE channel_events (
    event_id     TEXT PRIMARY KEY,
    message_id   TEXT NOT NULL,
    kind         TEXT NOT NULL,
    occurred_at  TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    outcome      TEXT NOT NULL
);
CREATE INDEX channel_events_message ON channel_events (message_id);
