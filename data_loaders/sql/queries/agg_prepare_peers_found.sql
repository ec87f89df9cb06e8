-- The table of this connection that agg_many_peers.sql adds each buurttype rule's averages to.
-- Its columns are declared here on purpose, not taken from agg_peers with CREATE ... AS SELECT
-- ... LIMIT 0: a table made that way let only 6.336 of 634.656 national averages through to
-- agg_peers (DuckDB 2.0.0, no error), while every test on a small database passed.
CREATE OR REPLACE TEMP TABLE agg_peers_found (
    gemeente_code  VARCHAR,
    buurttype_rule VARCHAR,
    type           VARCHAR,
    indicator_id   VARCHAR,
    period         INTEGER,
    value          DOUBLE,
    n              DOUBLE,
    areas_used     BIGINT,
    areas_total    BIGINT,
    weighted       BOOLEAN,
    synthetic      BOOLEAN
)
