-- The buurttype averages found last on this connection (agg_many_peers.sql) stored under one
-- privacy key. `position` orders the rows of a gemeente and rule as agg_read_peers_found does
-- (type, indicator, year): a sort key made of each key's rank among all found rows, with gaps,
-- not a count (numbering the rows with a window over their text keys took three times as long).
INSERT INTO agg_peers (gemeente_code, min_respondents, min_inhabitants, real_only, buurttype_rule,
                       position, type, indicator_id, period, value, n, areas_used, areas_total,
                       weighted, synthetic)
WITH types AS (
    SELECT type, row_number() OVER (ORDER BY type) - 1 AS type_rank
    FROM (SELECT DISTINCT type FROM agg_peers_found)
), indicators AS (
    SELECT indicator_id, row_number() OVER (ORDER BY indicator_id) - 1 AS indicator_rank
    FROM (SELECT DISTINCT indicator_id FROM agg_peers_found)
), span AS (
    SELECT (SELECT count(*) FROM indicators) AS indicator_count, min(period) AS first_period,
           max(period) - min(period) + 1 AS period_count
    FROM agg_peers_found
)
SELECT f.gemeente_code, $min_respondents, $min_inhabitants, $real_only, f.buurttype_rule,
       (t.type_rank * s.indicator_count + i.indicator_rank) * s.period_count
           + f.period - s.first_period,
       f.type, f.indicator_id, f.period, f.value, f.n, f.areas_used, f.areas_total, f.weighted,
       f.synthetic
FROM agg_peers_found f
JOIN types t USING (type)
JOIN indicators i USING (indicator_id)
CROSS JOIN span s
