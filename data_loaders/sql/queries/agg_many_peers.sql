-- The buurttype averages under rule $rule per gemeente asked for (agg_gemeenten; the country 'NL'),
-- type, indicator and year from agg_rows (agg_prepare_rows.sql), as
-- metrics.aggregate.buurttype_reference computes them: a buurt's type in a year is its label of
-- that year, else of the nearest labelled year (the earlier one on a tie); the peers are the
-- gemeente's (the country's) buurten of that type in that year; counts are the mean per buurt.
-- Added to a table of this connection (agg_prepare_peers_found.sql) that agg_store_peers copies
-- into agg_peers under a privacy key and agg_read_peers_found reads in order.
INSERT INTO agg_peers_found
WITH typed AS (
    SELECT a.gemeente_key, a.area_key, p.period,
           arg_min(l.type, 2 * abs(l.period - p.period)
                           + CASE WHEN l.period > p.period THEN 1 ELSE 0 END) AS type
    FROM agg_areas a
    CROSS JOIN (SELECT DISTINCT period FROM agg_rows WHERE is_buurt) p
    JOIN buurttypes l ON l.area_code = a.area_code AND l.rule = $rule
    WHERE a.level = 'buurt'
    GROUP BY ALL
), derived AS (
    -- A group is weighted when one of its usable areas has a weight; then only those count
    -- (metrics.aggregate._aggregate_groups). Both sums are taken, `chosen` picks. (Fewer
    -- aggregates, each without a filter where it needs none: 6 million national rows.)
    SELECT CASE WHEN grouping(r.gemeente_key) = 1 THEN 0 ELSE r.gemeente_key END AS gemeente_key,
           t.type, r.indicator_key, r.period,
           bool_or(r.is_sum) AS is_sum,
           count(r.value) AS ok_count,  -- a row is usable (ok) exactly when its value is not NULL
           count(*) FILTER (WHERE r.has_weight) AS weighted_count,
           sum(r.value) AS value_sum,
           sum(r.value * r.weight) FILTER (WHERE r.has_weight) AS wv,
           sum(r.weight) FILTER (WHERE r.has_weight) AS w,
           sum(r.n) FILTER (WHERE r.ok) AS n_ok,
           sum(r.n) FILTER (WHERE r.has_weight) AS n_weighted,
           coalesce(bool_or(r.synthetic) FILTER (WHERE r.ok), false) AS synthetic_ok,
           coalesce(bool_or(r.synthetic) FILTER (WHERE r.has_weight), false) AS synthetic_weighted
    FROM agg_rows r
    JOIN typed t ON t.area_key = r.area_key AND t.period = r.period
    WHERE r.is_buurt
    GROUP BY GROUPING SETS ((r.gemeente_key, t.type, r.indicator_key, r.period),
                            (t.type, r.indicator_key, r.period))
), chosen AS (
    SELECT *, weighted_count > 0 AND NOT is_sum AS weighted,
           value_sum / ok_count AS value_mean,  -- as avg() computes it
           CASE WHEN weighted THEN weighted_count ELSE ok_count END AS areas_used,
           CASE WHEN weighted THEN n_weighted ELSE n_ok END AS n,
           CASE WHEN weighted THEN synthetic_weighted ELSE synthetic_ok END AS synthetic
    FROM derived
    WHERE gemeente_key IN (SELECT gemeente_key FROM agg_gemeenten WHERE asked)
), totals AS (
    SELECT CASE WHEN grouping(gemeente_key) = 1 THEN 0 ELSE gemeente_key END AS gemeente_key,
           type, period, count(*) AS areas_total
    FROM typed
    GROUP BY GROUPING SETS ((gemeente_key, type, period), (type, period))
)
SELECT g.gemeente_code, $rule AS buurttype_rule, d.type, i.indicator_id, d.period,
       CASE WHEN d.areas_used = 0 THEN NULL
            WHEN d.is_sum THEN d.value_sum / d.areas_used
            WHEN d.weighted THEN d.wv / d.w
            ELSE d.value_mean END AS value,
       d.n, d.areas_used, coalesce(t.areas_total, 0) AS areas_total, d.weighted, d.synthetic
FROM chosen d
JOIN agg_indicators i USING (indicator_key)
JOIN agg_gemeenten g ON g.gemeente_key = d.gemeente_key
LEFT JOIN totals t ON t.gemeente_key = d.gemeente_key AND t.type = d.type
                  AND t.period = d.period
