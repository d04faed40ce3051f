-- The language an imported act's text is written in (ISO 639-2/B, as Akoma Ntoso writes it):
-- it says which heading words number the text (Article / Статья / бап) and which stemmer
-- searches it. Acts imported before this column were read with English headings and never
-- said their language: they keep 'und', undetermined, rather than a guess.
ALTER TABLE law_acts ADD COLUMN language TEXT NOT NULL DEFAULT 'und'
    CHECK (language IN ('eng', 'kaz', 'rus', 'und'));
