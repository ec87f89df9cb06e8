-- The gemeente figures found last on this connection (agg_many_gemeente.sql) stored under one
-- privacy key. `position` orders the rows of a gemeente as agg_read_gemeente_found does
-- (indicator, year): a sort key made of the indicator's rank among all found rows and the year,
-- with gaps, not a count (cheaper than a window over the text keys, see agg_store_peers.sql).
INSERT INTO agg_gemeente (gemeente_code, min_respondents, min_inhabitants, real_only, position,
                          indicator_id, period, value, n, areas_used, areas_total, basis,
                          synthetic)
WITH indicators AS (
    SELECT indicator_id, row_number() OVER (ORDER BY indicator_id) - 1 AS indicator_rank
    FROM (SELECT DISTINCT indicator_id FROM agg_gemeente_found)
), span AS (
    SELECT min(period) AS first_period, max(period) - min(period) + 1 AS period_count
    FROM agg_gemeente_found
)
SELECT f.gemeente_code, $min_respondents, $min_inhabitants, $real_only,
       i.indicator_rank * s.period_count + f.period - s.first_period,
       f.indicator_id, f.period, f.value, f.n, f.areas_used, f.areas_total, f.basis, f.synthetic
FROM agg_gemeente_found f
JOIN indicators i USING (indicator_id)
CROSS JOIN span s
