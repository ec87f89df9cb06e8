-- The rank of every key value of the tables found last on this connection (agg_*_found.sql),
-- per kind of key, in the order ORDER BY gives them (a year as `number`, the other keys as
-- `value`): the stores (agg_store_*.sql) order each stored row by a sort key made of its keys'
-- ranks, which the reads follow (ORDER BY position). Numbering the rows with a window over their
-- text keys took three times as long (634.656 national buurttype averages: 0,42 against 0,28 s).
-- Ranks among all values of a kind, not only a gemeente's: gaps in the sort key, the same order.
CREATE OR REPLACE TEMP TABLE agg_ranks AS
WITH keys AS (
    SELECT 'rule' AS kind, buurttype_rule AS value FROM agg_peers_found
    UNION SELECT 'rule', buurttype_rule FROM agg_parts_found
    UNION SELECT 'type', type FROM agg_peers_found
    UNION SELECT 'type', type FROM agg_parts_found
    UNION SELECT 'indicator', indicator_id FROM agg_gemeente_found
    UNION SELECT 'indicator', indicator_id FROM agg_peers_found
    UNION SELECT 'indicator', indicator_id FROM agg_parts_found
    UNION SELECT 'source', source FROM agg_part_sources_found
), years AS (
    SELECT period FROM agg_gemeente_found
    UNION SELECT period FROM agg_peers_found
    UNION SELECT period FROM agg_parts_found
)
SELECT kind, value, NULL::INTEGER AS number,
       row_number() OVER (PARTITION BY kind ORDER BY value) - 1 AS rank,
       count(*) OVER (PARTITION BY kind) AS count
FROM keys
UNION ALL
SELECT 'period', NULL, period, row_number() OVER (ORDER BY period) - 1, count(*) OVER ()
FROM years
