-- National interests and main threats added by later acts (002 Art. 5.2 and 6.2): each with the
-- act that adds it and the day from which it counts.
CREATE TABLE security_list_additions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    list            TEXT NOT NULL CHECK (list IN ('national_interests', 'main_threats')),
    text            TEXT NOT NULL,
    added_by_act    TEXT NOT NULL,
    effective_from  TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL
);
CREATE INDEX security_list_additions_list ON security_list_additions (list, effective_from);
