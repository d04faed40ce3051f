-- Acts imported in addition to the shipped corpus: their source text is kept and parsed at start.
CREATE TABLE law_acts (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    adopted        TEXT,
    in_force_from  TEXT NOT NULL,
    source_file    TEXT NOT NULL,
    source_text    TEXT NOT NULL,
    imported_at    TEXT NOT NULL
);
