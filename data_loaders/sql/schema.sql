-- Buurtmonitor database schema. Created by the importers; the app only reads it.
-- Codes carry their CBS prefix: GM0202 (gemeente), WK020201 (wijk), BU02020100 (buurt).

CREATE TABLE IF NOT EXISTS schema_info (
    version INTEGER NOT NULL
);

-- Every gemeente, wijk and buurt that any load mentioned.
CREATE TABLE IF NOT EXISTS areas (
    code          VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    level         VARCHAR NOT NULL CHECK (level IN ('gemeente', 'wijk', 'buurt')),
    parent_code   VARCHAR,             -- wijk of a buurt, gemeente of a wijk; NULL for a gemeente
    gemeente_code VARCHAR NOT NULL,
    valid_from    INTEGER,             -- first indeling year the code is known in
    valid_to      INTEGER              -- last indeling year the code is known in
);

-- Boundaries per area and indeling year, always WGS84 (EPSG:4326) GeoJSON geometry objects.
CREATE TABLE IF NOT EXISTS geometries (
    area_code        VARCHAR NOT NULL,
    indeling         INTEGER NOT NULL,  -- year of the CBS wijk- en buurtindeling
    geometry         VARCHAR NOT NULL,  -- original geometry (GeoJSON text)
    geometry_display VARCHAR NOT NULL,  -- simplified for display, coordinates rounded
    centroid_lon     DOUBLE,
    centroid_lat     DOUBLE,
    source           VARCHAR NOT NULL,
    load_id          INTEGER,
    PRIMARY KEY (area_code, indeling)
);

-- The indicator catalogue, copied from data_loaders/catalogue/indicators.csv at build time.
CREATE TABLE IF NOT EXISTS indicators (
    id          VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    name_en     VARCHAR,
    theme       VARCHAR NOT NULL CHECK (theme IN ('leefbaarheid', 'veiligheid', 'contact', 'participatie', 'context')),
    unit        VARCHAR NOT NULL,
    direction   VARCHAR NOT NULL CHECK (direction IN ('hoger_beter', 'lager_beter', 'neutraal')),
    kind        VARCHAR NOT NULL CHECK (kind IN ('objectief', 'subjectief')),
    result      VARCHAR NOT NULL CHECK (result IN ('output', 'outcome', 'context')),
    aggregation VARCHAR NOT NULL CHECK (aggregation IN ('aandeel', 'gemiddelde', 'aantal', 'per_inwoners')),
    weight      VARCHAR,               -- indicator id used as weight when averaging (e.g. inwoners)
    decimals    INTEGER NOT NULL,
    min_value   DOUBLE,                -- plausible range; values outside are rejected on load
    max_value   DOUBLE,
    source      VARCHAR NOT NULL,
    licence     VARCHAR NOT NULL,
    definition  VARCHAR NOT NULL,
    question    VARCHAR,               -- survey question, where there is one
    headline    BOOLEAN NOT NULL       -- shown on the overview and in the briefing
);

-- One value per area, indicator and period (year). n and the 95% margin where the source has them.
-- The key (area_code, indicator_id, period) is unique, guaranteed by the loader (a file with a
-- duplicate is rejected, a source's years are replaced whole, a clash between sources is refused)
-- rather than by a PRIMARY KEY index: at national scale (millions of rows) maintaining that
-- index made every load about ten times slower.
CREATE TABLE IF NOT EXISTS observations (
    area_code    VARCHAR NOT NULL,
    indicator_id VARCHAR NOT NULL,
    period       INTEGER NOT NULL,
    value        DOUBLE,               -- NULL when the source marks it missing or secret
    n            INTEGER,              -- respondents (surveys) or population base
    ci_low       DOUBLE,
    ci_high      DOUBLE,
    source       VARCHAR NOT NULL,     -- source key, see the loads table
    synthetic    BOOLEAN NOT NULL,
    suppressed   BOOLEAN NOT NULL,     -- secret in the source, or suppressed on load
    load_id      INTEGER
);

-- Buurttype per buurt and year, per rule. Several rules can coexist; the app lets users pick one.
CREATE TABLE IF NOT EXISTS buurttypes (
    area_code    VARCHAR NOT NULL,
    period       INTEGER NOT NULL,     -- the year the label applies to
    rule         VARCHAR NOT NULL,     -- rule key, e.g. inkomen_gemeente_kwintiel, gemeentelijke_lijst
    type         VARCHAR NOT NULL CHECK (type IN ('achterstand', 'midden', 'voorstand')),
    basis_period INTEGER,              -- the year of the data the rule used
    rule_label   VARCHAR NOT NULL,     -- human-readable description of the rule
    source       VARCHAR NOT NULL,
    load_id      INTEGER,
    PRIMARY KEY (area_code, period, rule)
);

-- Every load attempt, successful or not.
CREATE SEQUENCE IF NOT EXISTS load_ids START 1;
CREATE TABLE IF NOT EXISTS loads (
    id          INTEGER PRIMARY KEY,
    file        VARCHAR NOT NULL,
    checksum    VARCHAR NOT NULL,      -- sha256 of the file's bytes
    source      VARCHAR NOT NULL,
    format      VARCHAR NOT NULL,
    rows        INTEGER NOT NULL,
    periods     VARCHAR,               -- e.g. "2014-2024"
    loaded_at   TIMESTAMP NOT NULL,
    how         VARCHAR NOT NULL,      -- cli, upload, build
    status      VARCHAR NOT NULL,      -- geladen, ongewijzigd
    message     VARCHAR,
    by_user     VARCHAR                -- who loaded it: the logged-in user's e-mail, or the local user
);
-- A database from before loads recorded who did them gets the column at its next load.
ALTER TABLE loads ADD COLUMN IF NOT EXISTS by_user VARCHAR;

-- Leefbaarheid spending, projects and goals (own data).
CREATE TABLE IF NOT EXISTS spending (
    organisation VARCHAR NOT NULL,
    area_code    VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    category     VARCHAR NOT NULL,
    amount_eur   DOUBLE NOT NULL,
    dwellings    INTEGER,              -- the organisation's dwellings in the area, when known
    source       VARCHAR NOT NULL,
    synthetic    BOOLEAN NOT NULL,
    confidential BOOLEAN NOT NULL,
    load_id      INTEGER,
    PRIMARY KEY (organisation, area_code, year, category)
);

CREATE TABLE IF NOT EXISTS projects (
    project_id   VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    organisation VARCHAR NOT NULL,
    area_codes   VARCHAR NOT NULL,     -- space-separated area codes
    start_date   DATE NOT NULL,
    end_date     DATE,
    budget_eur   DOUBLE,
    theme        VARCHAR,
    output       VARCHAR,              -- output figures as text, e.g. "12 activiteiten; 340 deelnemers"
    source       VARCHAR NOT NULL,
    synthetic    BOOLEAN NOT NULL,
    confidential BOOLEAN NOT NULL,
    load_id      INTEGER
);

CREATE TABLE IF NOT EXISTS goals (
    area_code        VARCHAR NOT NULL,
    indicator_id     VARCHAR NOT NULL,
    nulmeting_period INTEGER NOT NULL,
    nulmeting_value  DOUBLE NOT NULL,
    target_value     DOUBLE NOT NULL,
    target_period    INTEGER NOT NULL,
    organisation     VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    synthetic        BOOLEAN NOT NULL,
    load_id          INTEGER,
    PRIMARY KEY (area_code, indicator_id, target_period)
);

-- Sources: one row per source key, with its licence and whether it is confidential.
CREATE TABLE IF NOT EXISTS sources (
    key          VARCHAR PRIMARY KEY,
    label        VARCHAR NOT NULL,     -- e.g. "CBS Kerncijfers wijken en buurten 2024"
    publisher    VARCHAR NOT NULL,
    licence      VARCHAR NOT NULL,
    attribution  VARCHAR NOT NULL,     -- e.g. "Bron: CBS"
    synthetic    BOOLEAN NOT NULL,
    confidential BOOLEAN NOT NULL
);

-- Build-time aggregates (data_loaders/aggregates.py): what no user choice changes, computed by
-- metrics/ in the load's own transaction for every gemeente the load changed, once per privacy
-- setting (the thresholds and 'Alleen echte cijfers'). The app reads these instead of computing
-- them on a user's first click; for a setting not stored here it computes them itself.
-- A run: one gemeente and privacy setting whose aggregates below are complete.
CREATE TABLE IF NOT EXISTS agg_runs (
    gemeente_code   VARCHAR NOT NULL,
    min_respondents BIGINT NOT NULL,
    min_inhabitants BIGINT NOT NULL,
    real_only       BOOLEAN NOT NULL,
    status_id       VARCHAR,             -- the status score of the expected values (or NULL)
    with_expected   BOOLEAN NOT NULL,    -- false: the app fits the expected values itself
    computed_at     TIMESTAMP NOT NULL
);

-- The gemeente figure of every indicator and year (metrics.aggregate.gemeente_reference).
CREATE TABLE IF NOT EXISTS agg_gemeente (
    gemeente_code   VARCHAR NOT NULL,
    min_respondents BIGINT NOT NULL,
    min_inhabitants BIGINT NOT NULL,
    real_only       BOOLEAN NOT NULL,
    position        BIGINT NOT NULL,    -- orders the rows as computed (a sort key; agg_store_*.sql)
    indicator_id    VARCHAR NOT NULL,
    period          BIGINT NOT NULL,
    value           DOUBLE,
    n               DOUBLE,
    areas_used      BIGINT,
    areas_total     BIGINT,
    basis           VARCHAR,
    synthetic       BOOLEAN
);

-- The buurttype averages per buurttype rule (metrics.aggregate.buurttype_reference).
CREATE TABLE IF NOT EXISTS agg_peers (
    gemeente_code   VARCHAR NOT NULL,
    min_respondents BIGINT NOT NULL,
    min_inhabitants BIGINT NOT NULL,
    real_only       BOOLEAN NOT NULL,
    buurttype_rule  VARCHAR NOT NULL,
    position        BIGINT NOT NULL,
    type            VARCHAR NOT NULL,
    indicator_id    VARCHAR NOT NULL,
    period          BIGINT NOT NULL,
    value           DOUBLE,
    n               DOUBLE,
    areas_used      BIGINT,
    areas_total     BIGINT,
    weighted        BOOLEAN,
    synthetic       BOOLEAN
);

-- Early warnings ('verslechterd') and tested improvements ('verbeterd') of every buurt in the
-- latest year, with their reasons (metrics.early_warning).
CREATE TABLE IF NOT EXISTS agg_signals (
    gemeente_code   VARCHAR NOT NULL,
    min_respondents BIGINT NOT NULL,
    min_inhabitants BIGINT NOT NULL,
    real_only       BOOLEAN NOT NULL,
    signal          VARCHAR NOT NULL CHECK (signal IN ('verslechterd', 'verbeterd')),
    position        BIGINT NOT NULL,
    area_code       VARCHAR NOT NULL,
    indicator_id    VARCHAR NOT NULL,
    period          BIGINT NOT NULL,
    rule            VARCHAR,
    severity        VARCHAR,
    reason          VARCHAR,
    value           DOUBLE,
    source          VARCHAR,
    synthetic       BOOLEAN
);

-- Expected against observed per buurt and outcome indicator (metrics.expected.expected_all).
CREATE TABLE IF NOT EXISTS agg_expected (
    gemeente_code   VARCHAR NOT NULL,
    min_respondents BIGINT NOT NULL,
    min_inhabitants BIGINT NOT NULL,
    real_only       BOOLEAN NOT NULL,
    position        BIGINT NOT NULL,
    area_code       VARCHAR NOT NULL,
    status          DOUBLE,
    observed        DOUBLE,
    expected        DOUBLE,
    residual        DOUBLE,
    residual_se     DOUBLE,
    verdict         VARCHAR,
    indicator_id    VARCHAR NOT NULL,
    period          BIGINT NOT NULL,
    buurten_used    BIGINT
);

-- The gemeente picker's list as app_gemeenten counts it (every gemeente with data, by name, and
-- 'NL' last), stored at load time by data_loaders/stored_views.py: counting it means reading
-- every observation, on the first page of every new server process otherwise.
CREATE TABLE IF NOT EXISTS agg_gemeente_choices (
    position     BIGINT NOT NULL,      -- the row's place in the counted list
    code         VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    observations BIGINT NOT NULL
);

-- The years with observations per gemeente (and 'NL') and indicator, with and without the
-- generated ones, as app_periods finds them; stored at load time by data_loaders/stored_views.py
-- (every page's first opening asks for them; nationally that read every observation).
CREATE TABLE IF NOT EXISTS agg_periods (
    gemeente_code VARCHAR NOT NULL,
    real_only     BOOLEAN NOT NULL,
    indicator_id  VARCHAR NOT NULL,
    first_period  INTEGER NOT NULL,
    last_period   INTEGER NOT NULL,
    periods       INTEGER[] NOT NULL
);

-- The overview's parts per buurttype (metrics.aggregate.group_parts of the headline indicators
-- and 'inwoners', each buurt in the group of its latest label under the rule, 'zonder buurttype'
-- without one), per buurttype rule: any buurttype filter's figures are sums of these rows
-- (metrics.aggregate.union_mean), so the overview never passes over every buurt's rows.
-- Stored by data_loaders/aggregates.py (parts_together); agg_part_sources: the used rows per
-- source (the second frame of group_parts).
CREATE TABLE IF NOT EXISTS agg_parts (
    gemeente_code   VARCHAR NOT NULL,
    min_respondents BIGINT NOT NULL,
    min_inhabitants BIGINT NOT NULL,
    real_only       BOOLEAN NOT NULL,
    buurttype_rule  VARCHAR NOT NULL,
    position        BIGINT NOT NULL,
    type            VARCHAR NOT NULL,
    indicator_id    VARCHAR NOT NULL,
    period          BIGINT NOT NULL,
    rows            BIGINT NOT NULL,
    ok              BIGINT NOT NULL,
    ok_v            DOUBLE NOT NULL,
    ok_n            DOUBLE NOT NULL,
    ok_n_count      BIGINT NOT NULL,
    hw              BIGINT NOT NULL,
    hw_wv           DOUBLE NOT NULL,
    hw_w            DOUBLE NOT NULL,
    hw_n            DOUBLE NOT NULL,
    hw_n_count      BIGINT NOT NULL,
    ok_syn          BOOLEAN NOT NULL,
    hw_syn          BOOLEAN NOT NULL,
    any_suppressed  BOOLEAN NOT NULL,
    is_sum          BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS agg_part_sources (
    gemeente_code   VARCHAR NOT NULL,
    min_respondents BIGINT NOT NULL,
    min_inhabitants BIGINT NOT NULL,
    real_only       BOOLEAN NOT NULL,
    buurttype_rule  VARCHAR NOT NULL,
    position        BIGINT NOT NULL,
    type            VARCHAR NOT NULL,
    indicator_id    VARCHAR NOT NULL,
    period          BIGINT NOT NULL,
    source          VARCHAR NOT NULL,
    count           BIGINT NOT NULL,
    regime          VARCHAR NOT NULL CHECK (regime IN ('ok', 'hw'))
);

-- The map page's shapes of every boundary (data_loaders/map_shapes.py), encoded at load time:
-- its polygon rings as delta-coded whole numbers in JSON, at 1e-5 degree (fine) and simplified at
-- 1e-4 degree (coarse, for a map of the whole country), and its bounds. `digest` is the md5 of
-- the display text it was encoded from: a boundary loaded again with another text is encoded
-- again, and the app never uses an encoding of an older text.
CREATE TABLE IF NOT EXISTS map_shapes (
    area_code VARCHAR NOT NULL,
    indeling  INTEGER NOT NULL,
    digest    VARCHAR NOT NULL,
    fine      VARCHAR NOT NULL,
    coarse    VARCHAR NOT NULL,
    min_lon   DOUBLE,
    min_lat   DOUBLE,
    max_lon   DOUBLE,
    max_lat   DOUBLE
);
