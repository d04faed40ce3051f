-- The shareholder graph screened under 002 Art. 23.6: organisations and persons, and who holds
-- what share of whom. Effective (indirect) shares are computed, never stored.
CREATE TABLE security_organisations (
    id                              BIGSERIAL PRIMARY KEY,
    code                            TEXT NOT NULL UNIQUE,
    name                            TEXT NOT NULL,
    -- A foreign natural or legal person or a stateless person.
    foreign_person                  BIGINT NOT NULL CHECK (foreign_person IN (0, 1)),
    -- Space-separated: media_owner, long_distance_operator, trunk_line_operator, network_operator.
    activities                      TEXT NOT NULL,
    trunk_lines_run_by_foreigners   BIGINT NOT NULL CHECK (trunk_lines_run_by_foreigners IN (0, 1)),
    control_centre_abroad           BIGINT NOT NULL CHECK (control_centre_abroad IN (0, 1)),
    imported_at                     TEXT NOT NULL
);

CREATE TABLE security_holdings (
    owner_id  BIGINT NOT NULL REFERENCES security_organisations (id),
    owned_id  BIGINT NOT NULL REFERENCES security_organisations (id),
    -- Percent of the shares (stakes), more than 0 and at most 100.
    share     DOUBLE PRECISION NOT NULL CHECK (share > 0 AND share <= 100),
    PRIMARY KEY (owner_id, owned_id)
);
CREATE INDEX security_holdings_owned ON security_holdings (owned_id);
