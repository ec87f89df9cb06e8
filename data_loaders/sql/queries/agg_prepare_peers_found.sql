-- The table of this connection that agg_many_peers.sql adds each buurttype rule's averages to.
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
