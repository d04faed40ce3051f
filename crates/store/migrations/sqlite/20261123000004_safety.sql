-- Security of military service (Order 738): strength, Plans with their versions and
-- activities, training events, Acts of control with their violations, incidents and the
-- analysts' conclusions. Dates are calendar dates 'YYYY-MM-DD' (Asia/Almaty); instants are UTC.

-- A unit's personnel strength as reported for a month ('YYYY-MM').
CREATE TABLE safety_strength (
    unit_id      BIGINT NOT NULL REFERENCES org_units (id),
    month        TEXT NOT NULL,
    personnel    BIGINT NOT NULL CHECK (personnel >= 0),
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (unit_id, month)
);
CREATE INDEX safety_strength_month ON safety_strength (month, unit_id, personnel);

CREATE TABLE safety_plans (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id           BIGINT NOT NULL REFERENCES org_units (id),
    year              BIGINT NOT NULL,
    -- The version being worked on, and the approved one in force (NULL until the first approval).
    current_version   BIGINT NOT NULL,
    approved_version  BIGINT,
    created_at        TEXT NOT NULL,
    UNIQUE (unit_id, year)
);

-- Every version is kept: a revision is a new version with its reason; approved versions are
-- never edited again (completion marks excepted).
CREATE TABLE safety_plan_versions (
    plan_id          BIGINT NOT NULL REFERENCES safety_plans (id),
    version          BIGINT NOT NULL,
    goals            TEXT NOT NULL,
    tasks            TEXT NOT NULL,
    requirements     TEXT NOT NULL,
    revision_change  TEXT,
    revision_reason  TEXT,
    drafted_by       TEXT NOT NULL,
    drafted_at       TEXT NOT NULL,
    approved_by      TEXT,
    approver_title   TEXT,
    approved_at      TEXT,
    PRIMARY KEY (plan_id, version)
);

CREATE TABLE safety_plan_activities (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id          BIGINT NOT NULL,
    version          BIGINT NOT NULL,
    item_no          BIGINT NOT NULL,
    name             TEXT NOT NULL,
    responsible      TEXT NOT NULL,
    monitoring       TEXT NOT NULL,
    term             TEXT NOT NULL,
    completion_form  TEXT NOT NULL,
    completion_mark  TEXT,
    completed_on     TEXT,
    FOREIGN KEY (plan_id, version) REFERENCES safety_plan_versions (plan_id, version),
    UNIQUE (plan_id, version, item_no)
);

-- Special exercises and month/decade campaigns (para 11).
CREATE TABLE safety_trainings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id     BIGINT NOT NULL REFERENCES org_units (id),
    kind        TEXT NOT NULL CHECK (kind IN ('special_exercise', 'month_campaign', 'decade_campaign')),
    activity    TEXT,
    title       TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    held        BIGINT NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX safety_trainings_unit ON safety_trainings (unit_id, starts_on);

-- Acts of control (Appendix 2). body_id is the body whose commission inspected; unit_id the
-- unit, department or service inspected.
CREATE TABLE safety_acts (
    id                        INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id                   BIGINT NOT NULL REFERENCES org_units (id),
    unit_id                   BIGINT NOT NULL REFERENCES org_units (id),
    grounds                   TEXT NOT NULL,
    chair                     TEXT NOT NULL,
    members                   TEXT NOT NULL,
    period_from               TEXT NOT NULL,
    period_to                 TEXT NOT NULL,
    proposals                 TEXT NOT NULL,
    report_by                 TEXT NOT NULL,
    acknowledged_by           TEXT,
    acknowledged_at           TEXT,
    created_by                TEXT NOT NULL,
    created_at                TEXT NOT NULL
);
CREATE INDEX safety_acts_period ON safety_acts (period_to, unit_id);
CREATE INDEX safety_acts_body ON safety_acts (body_id, period_to);

CREATE TABLE safety_act_violations (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    act_id         BIGINT NOT NULL REFERENCES safety_acts (id) ON DELETE CASCADE,
    category       TEXT NOT NULL,
    description    TEXT NOT NULL,
    eliminated_on  TEXT
);
CREATE INDEX safety_act_violations_act ON safety_act_violations (act_id);

-- Deaths and injuries (paras 12, 16-18). The season is the training period of the date.
CREATE TABLE safety_incidents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id      BIGINT NOT NULL REFERENCES org_units (id),
    occurred_on  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('death', 'wound', 'injury', 'contusion')),
    in_duty      BIGINT NOT NULL CHECK (in_duty IN (0, 1)),
    cause        TEXT NOT NULL,
    activity     TEXT NOT NULL,
    season       TEXT NOT NULL,
    description  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
-- Covers the analysis: a period's incidents grouped by unit and month without the table.
CREATE INDEX safety_incidents_period ON safety_incidents (occurred_on, unit_id, kind, in_duty, cause);

-- Roll-ups kept up to date in the transaction that writes the facts, so an analysis reads a
-- few hundred rows instead of scanning the incidents: for every unit, the incidents of its
-- whole subtree (itself included) per month and cause, and the strength of its subtree per
-- month. The organisation tree only grows (units are never moved or removed), so a unit's
-- ancestors never change and the roll-ups stay right; `qorgau safety verify-rollups` checks
-- them against the facts.
CREATE TABLE safety_incident_rollup (
    unit_id         BIGINT NOT NULL REFERENCES org_units (id),
    month           TEXT NOT NULL,
    cause           TEXT NOT NULL,
    deaths_duty     BIGINT NOT NULL,
    injuries_duty   BIGINT NOT NULL,
    deaths_other    BIGINT NOT NULL,
    injuries_other  BIGINT NOT NULL,
    PRIMARY KEY (unit_id, month, cause)
);

CREATE TABLE safety_strength_rollup (
    unit_id    BIGINT NOT NULL REFERENCES org_units (id),
    month      TEXT NOT NULL,
    personnel  BIGINT NOT NULL,
    -- How many units of the subtree reported a figure for the month.
    reporting  BIGINT NOT NULL,
    PRIMARY KEY (unit_id, month)
);

-- The analyst's part of an analysis: conclusions and measures (para 19), once completed.
CREATE TABLE safety_analyses (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id       BIGINT NOT NULL REFERENCES org_units (id),
    kind          TEXT NOT NULL,
    year          BIGINT NOT NULL,
    number        BIGINT NOT NULL,
    conclusions   TEXT NOT NULL,
    measures      TEXT NOT NULL,
    completed_by  TEXT NOT NULL,
    completed_at  TEXT NOT NULL,
    UNIQUE (body_id, kind, year, number)
);
