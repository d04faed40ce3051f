-- Excuses as the law names them (003 paras 8 and 9): the reason is one of the five words of
-- the list or "other"; an "other" reason keeps the citizen's words and waits for an officer's
-- finding. Paper summonses keep who delivered them (para 4: the person delivering notes a
-- refusal).
ALTER TABLE summonses ADD COLUMN excuse_text TEXT;
ALTER TABLE summonses ADD COLUMN excuse_reported_at TEXT;
ALTER TABLE summonses ADD COLUMN excuse_finding TEXT;
ALTER TABLE summonses ADD COLUMN excuse_found_by TEXT;
ALTER TABLE summonses ADD COLUMN excuse_found_at TEXT;
ALTER TABLE summonses ADD COLUMN delivered_by TEXT;

-- Free text stored before this change is never read as a verdict: it becomes "other" with its
-- words kept, awaiting an officer's finding.
UPDATE summonses
SET excuse_text = excuse_reason, excuse_reason = 'other'
WHERE excuse_reason IS NOT NULL
  AND excuse_reason NOT IN ('illness', 'death_of_close_relative_or_spouse',
                            'natural_disaster_or_other_circumstance', 'marriage_registration',
                            'abroad');

-- Children's birth dates: 'none' when the register says the citizen has none, the dates when
-- there are some, and '' when they were never given. Rows written before this change keep ''
-- and so read as "not given": they never said "none", and a woman's eligibility for training
-- must not be guessed from their silence.
