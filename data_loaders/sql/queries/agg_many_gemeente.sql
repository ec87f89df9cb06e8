-- The gemeente figure of every gemeente asked for (agg_gemeenten; and the country, 'NL'),
-- indicator and year from agg_rows (agg_prepare_rows.sql), as
-- metrics.aggregate.gemeente_reference computes it:
-- the gemeente's own usable figure from the source where there is one, else the weighted mean (a
-- sum for counts) of its buurten. The country is every buurt (a second grouping set).
-- Into a table of this connection (data_loaders/aggregates.py): agg_store_gemeente copies it
-- into agg_gemeente under a privacy key, agg_read_gemeente_found reads it in order.
CREATE OR REPLACE TEMP TABLE agg_gemeente_found AS
WITH derived AS (
    -- A group is weighted when one of its usable areas has a weight; then only those count
    -- (metrics.aggregate._aggregate_groups). Both sums are taken, `chosen` picks. (Fewer
    -- aggregates, each without a filter where it needs none: 6 million national rows.)
    SELECT CASE WHEN grouping(gemeente_key) = 1 THEN 0 ELSE gemeente_key END AS gemeente_key,
           indicator_key, period,
           bool_or(is_sum) AS is_sum,
           count(value) AS ok_count,  -- a row is usable (ok) exactly when its value is not NULL
           count(*) FILTER (WHERE has_weight) AS weighted_count,
           sum(value) AS value_sum,
           sum(value * weight) FILTER (WHERE has_weight) AS wv,
           sum(weight) FILTER (WHERE has_weight) AS w,
           sum(n) FILTER (WHERE ok) AS n_ok,
           sum(n) FILTER (WHERE has_weight) AS n_weighted,
           coalesce(bool_or(synthetic) FILTER (WHERE ok), false) AS synthetic_ok,
           coalesce(bool_or(synthetic) FILTER (WHERE has_weight), false) AS synthetic_weighted
    FROM agg_rows
    WHERE is_buurt
    GROUP BY GROUPING SETS ((gemeente_key, indicator_key, period), (indicator_key, period))
), chosen AS (  -- the gemeente (the country: 0, 'NL') by its code from here on
    SELECT g.gemeente_code, d.*, weighted_count > 0 AND NOT is_sum AS weighted,
           value_sum / ok_count AS value_mean,  -- as avg() computes it
           CASE WHEN weighted THEN weighted_count ELSE ok_count END AS areas_used,
           CASE WHEN weighted THEN n_weighted ELSE n_ok END AS n,
           CASE WHEN weighted THEN synthetic_weighted ELSE synthetic_ok END AS synthetic
    FROM derived d
    JOIN agg_gemeenten g USING (gemeente_key)
    WHERE g.asked
), totals AS (
    SELECT CASE WHEN grouping(gemeente_code) = 1 THEN 'NL' ELSE gemeente_code END AS gemeente_code,
           count(*) AS areas_total
    FROM agg_areas
    WHERE level = 'buurt'
    GROUP BY GROUPING SETS ((gemeente_code), ())
), own AS (
    SELECT g.gemeente_code, r.indicator_key, r.period, r.value, r.n, r.synthetic
    FROM agg_rows r
    JOIN agg_gemeenten g USING (gemeente_key)
    WHERE r.is_own AND r.ok AND g.asked
)
SELECT o.gemeente_code, i.indicator_id, o.period, o.value, o.n, NULL::BIGINT AS areas_used,
       NULL::BIGINT AS areas_total, $basis_own AS basis, o.synthetic
FROM own o
JOIN agg_indicators i USING (indicator_key)
UNION ALL
SELECT d.gemeente_code, i.indicator_id, d.period,
       CASE WHEN d.areas_used = 0 THEN NULL
            WHEN d.is_sum THEN d.value_sum
            WHEN d.weighted THEN d.wv / d.w
            ELSE d.value_mean END AS value,
       d.n, d.areas_used, coalesce(t.areas_total, 0) AS areas_total, $basis_derived AS basis,
       d.synthetic
FROM chosen d
JOIN agg_indicators i USING (indicator_key)
LEFT JOIN totals t ON t.gemeente_code = d.gemeente_code
ANTI JOIN own ON own.gemeente_code = d.gemeente_code AND own.indicator_key = d.indicator_key
             AND own.period = d.period
