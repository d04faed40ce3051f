-- Interagency commissions (002 Art. 18.4): the area, the name; the head is the body that leads
-- coordination in the area (derived, never stored); members are points of Art. 15.1.
CREATE TABLE security_commissions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    area        TEXT NOT NULL,
    name        TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE security_commission_members (
    commission_id INTEGER NOT NULL REFERENCES security_commissions (id) ON DELETE CASCADE,
    body          INTEGER NOT NULL,
    PRIMARY KEY (commission_id, body)
);

-- The threat register: assessments of the main threats over time. A threat or interest is
-- the point of Art. 6.1 / 5.1 ("7") or an addition by a later act ("a3").
CREATE TABLE security_assessments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    threat       TEXT NOT NULL,
    area         TEXT NOT NULL,
    assessed_on  TEXT NOT NULL,
    likelihood   INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact       INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    trend        TEXT NOT NULL CHECK (trend IN ('rising', 'stable', 'falling')),
    narrative    TEXT NOT NULL,
    evidence     TEXT NOT NULL,
    assessed_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX security_assessments_threat ON security_assessments (threat, assessed_on);
CREATE TABLE security_assessment_interests (
    assessment_id INTEGER NOT NULL REFERENCES security_assessments (id) ON DELETE CASCADE,
    interest      TEXT NOT NULL,
    PRIMARY KEY (assessment_id, interest)
);

-- Measures of Art. 18.3: the kind is the point of Art. 18.3.
CREATE TABLE security_measures (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    title        TEXT NOT NULL,
    kind         INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 6),
    description  TEXT NOT NULL,
    deadline     TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE TABLE security_measure_threats (
    measure_id INTEGER NOT NULL REFERENCES security_measures (id) ON DELETE CASCADE,
    threat     TEXT NOT NULL,
    PRIMARY KEY (measure_id, threat)
);
CREATE TABLE security_measure_bodies (
    measure_id INTEGER NOT NULL REFERENCES security_measures (id) ON DELETE CASCADE,
    body       INTEGER NOT NULL,
    PRIMARY KEY (measure_id, body)
);
CREATE TABLE security_measure_reports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    measure_id   INTEGER NOT NULL REFERENCES security_measures (id) ON DELETE CASCADE,
    reported_on  TEXT NOT NULL,
    text         TEXT NOT NULL,
    status_after TEXT NOT NULL CHECK (status_after IN ('planned', 'in_progress', 'done', 'cancelled')),
    reported_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX security_measure_reports_measure ON security_measure_reports (measure_id, reported_on);

-- Strategic documents, their target indicators and the values measured.
CREATE TABLE security_documents (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL,
    adopted_on  TEXT NOT NULL,
    reference   TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE security_indicators (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL REFERENCES security_documents (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    unit         TEXT NOT NULL,
    baseline     REAL NOT NULL,
    baseline_on  TEXT NOT NULL,
    target       REAL NOT NULL,
    deadline     TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE TABLE security_indicator_values (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator_id INTEGER NOT NULL REFERENCES security_indicators (id) ON DELETE CASCADE,
    measured_on  TEXT NOT NULL,
    value        REAL NOT NULL,
    note         TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    UNIQUE (indicator_id, measured_on)
);

-- The Security Council: meetings, agenda items, decisions and recommendations assigned to a body
-- (a point of Art. 15.1) with a deadline, and execution reports with the secretariat's review.
CREATE TABLE council_meetings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    held_on     TEXT NOT NULL,
    title       TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE council_agenda_items (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id  INTEGER NOT NULL REFERENCES council_meetings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('government_annual_report', 'head_hearing',
                    'draft_law_review', 'programme_review', 'other')),
    title       TEXT NOT NULL,
    body        INTEGER,
    UNIQUE (meeting_id, position)
);
CREATE TABLE council_decisions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id      INTEGER NOT NULL REFERENCES council_meetings (id) ON DELETE CASCADE,
    agenda_item_id  INTEGER REFERENCES council_agenda_items (id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('decision', 'recommendation')),
    text            TEXT NOT NULL,
    body            INTEGER NOT NULL,
    deadline        TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX council_decisions_deadline ON council_decisions (deadline);
CREATE TABLE council_reports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id  INTEGER NOT NULL REFERENCES council_decisions (id) ON DELETE CASCADE,
    reported_on  TEXT NOT NULL,
    text         TEXT NOT NULL,
    reported_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    review       TEXT NOT NULL CHECK (review IN ('pending', 'accepted', 'returned')),
    review_note  TEXT NOT NULL,
    reviewed_by  TEXT,
    reviewed_at  TEXT
);
CREATE INDEX council_reports_decision ON council_reports (decision_id, id);
