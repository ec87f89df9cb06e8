-- The used rows per source of the overview's parts (the second frame of
-- metrics.aggregate.group_parts: regime 'ok' the usable rows, 'hw' those with a weight) of each
-- (gemeente, rule) pair asked for ($groups and $rules side by side), from agg_part_rows
-- (agg_prepare_parts.sql), each with a sort key for group_parts' order within its gemeente, into
-- a table of this connection that agg_store_part_sources copies into agg_part_sources.
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
), kept AS (
    SELECT c.* FROM counted c
    JOIN wanted w ON w.gemeente_code = c.gemeente_code AND w.rule = c.rule
), rule_ranks AS (  -- `position`: a sort key of ranks, as in agg_store_peers.sql
    SELECT rule, row_number() OVER (ORDER BY rule) - 1 AS rule_rank
    FROM (SELECT DISTINCT rule FROM kept)
), type_ranks AS (
    SELECT type, row_number() OVER (ORDER BY type) - 1 AS type_rank
    FROM (SELECT DISTINCT type FROM kept)
), indicator_ranks AS (
    SELECT indicator_id, row_number() OVER (ORDER BY indicator_id) - 1 AS indicator_rank
    FROM (SELECT DISTINCT indicator_id FROM kept)
), source_ranks AS (
    SELECT source, row_number() OVER (ORDER BY source) - 1 AS source_rank
    FROM (SELECT DISTINCT source FROM kept)
), span AS (
    SELECT (SELECT count(*) FROM type_ranks) AS type_count,
           (SELECT count(*) FROM indicator_ranks) AS indicator_count,
           (SELECT count(*) FROM source_ranks) AS source_count,
           min(period) AS first_period, max(period) - min(period) + 1 AS period_count
    FROM kept
)
SELECT c.gemeente_code, c.rule AS buurttype_rule, c.type, c.indicator_id, c.period, c.source,
       c.count::BIGINT AS count, c.regime,
       (((((r.rule_rank * 2 + CASE c.regime WHEN 'ok' THEN 0 ELSE 1 END) * n.type_count
            + t.type_rank) * n.indicator_count + i.indicator_rank) * n.period_count
          + c.period - n.first_period) * n.source_count + s.source_rank)::BIGINT AS position
FROM kept c
JOIN rule_ranks r USING (rule)
JOIN type_ranks t USING (type)
JOIN indicator_ranks i USING (indicator_id)
JOIN source_ranks s USING (source)
CROSS JOIN span n
