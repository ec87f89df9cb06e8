-- The used rows per source of the overview's parts (the second frame of
-- metrics.aggregate.group_parts: regime 'ok' the usable rows, 'hw' those with a weight) of each
-- (gemeente, rule) pair asked for ($groups and $rules side by side), from agg_part_rows
-- (agg_prepare_parts.sql), into a table of this connection that agg_store_part_sources copies
-- into agg_part_sources in group_parts' order.
CREATE OR REPLACE TEMP TABLE agg_part_sources_found AS
WITH wanted AS (
    SELECT unnest($groups) AS gemeente_code, unnest($rules) AS rule
), counted AS (
    SELECT p.gemeente_code, p.rule, p.type, p.indicator_id, p.period, p.source, 'ok' AS regime,
           p.ok AS count
    FROM agg_part_rows p
    WHERE p.ok > 0
    UNION ALL
    SELECT p.gemeente_code, p.rule, p.type, p.indicator_id, p.period, p.source, 'hw' AS regime,
           p.hw AS count
    FROM agg_part_rows p
    WHERE p.hw > 0
)
SELECT c.gemeente_code, c.rule AS buurttype_rule, c.type, c.indicator_id, c.period, c.source,
       c.count::BIGINT AS count, c.regime
FROM counted c
JOIN wanted w ON w.gemeente_code = c.gemeente_code AND w.rule = c.rule
