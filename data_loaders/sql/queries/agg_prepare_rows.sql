-- The observations of the areas in agg_areas (agg_prepare_areas.sql), read once into a table of
-- this connection for the agg_many_* queries (data_loaders/aggregates.py computed_together).
-- Suppression exactly as app_observations applies it (keep the two the same); no generated rows
-- when $real_only. Per row the flags of metrics.aggregate._aggregate_groups (ok: usable; is_sum;
-- has_weight) and, for a buurt, the inhabitants weight of its nearest counted year (the earlier
-- one on a tie: metrics._frames.nearest_period_lookup); its source for the overview's parts.
-- The gemeente, indicator and source by their whole-number keys (agg_prepare_gemeenten.sql,
-- agg_prepare_indicators.sql, agg_prepare_sources.sql), which the readers turn back into codes
-- in what they return.
-- Speed (6,2 million national rows): the indicator flags are worked out once per indicator, and
-- the weights for every buurt and every year of the observations (a few more pairs than needed,
-- the join keeps the right ones), so the observations are read once and never held twice.
CREATE OR REPLACE TEMP TABLE agg_rows AS
WITH population AS (
    SELECT a.area_key, arg_max(o.value, o.period) AS inhabitants
    FROM observations o
    JOIN agg_areas a ON a.area_code = o.area_code
    WHERE o.indicator_id = 'inwoners' AND o.value IS NOT NULL
    GROUP BY a.area_key
), counted AS (
    -- the inhabitants as the rows have them (a count is never hidden for being small or subjective)
    SELECT a.area_key, o.period, o.value AS weight
    FROM observations o
    JOIN agg_areas a ON a.area_code = o.area_code
    JOIN agg_indicators i ON i.indicator_id = o.indicator_id
    WHERE o.indicator_id = 'inwoners' AND o.value IS NOT NULL AND NOT o.suppressed
      AND NOT (i.subjective AND o.n IS NOT NULL AND o.n < $min_respondents)
      AND NOT (o.synthetic AND $real_only)
      AND a.level = 'buurt'
), weights AS (
    SELECT c.area_key, k.period,
           arg_min(c.weight, 2 * abs(c.period - k.period)
                             + CASE WHEN c.period > k.period THEN 1 ELSE 0 END) AS weight
    FROM counted c
    CROSS JOIN (SELECT DISTINCT period FROM observations) k
    GROUP BY c.area_key, k.period
), marked AS (
    SELECT o.area_code, a.area_key, a.level, a.gemeente_code, a.gemeente_key, i.indicator_key,
           o.period,
           o.value, o.n, o.ci_low, o.ci_high, o.synthetic, s.source_key, i.is_sum,
           i.wants_weight, i.judged,
           (o.suppressed
            OR (i.subjective AND o.n IS NOT NULL AND o.n < $min_respondents)
            OR (o.indicator_id <> 'inwoners' AND p.inhabitants IS NOT NULL
                AND p.inhabitants < $min_inhabitants)) AS hide
    FROM observations o
    JOIN agg_areas a ON a.area_code = o.area_code
    JOIN agg_indicators i ON i.indicator_id = o.indicator_id
    JOIN agg_sources s ON s.source = o.source
    LEFT JOIN population p ON p.area_key = a.area_key
    WHERE NOT (o.synthetic AND $real_only)
)
SELECT m.area_key, level = 'buurt' AS is_buurt,  -- the code from agg_areas (one string less)
       level = 'gemeente' AND area_code = gemeente_code AS is_own,
       level = 'gemeente' AS is_gemeente, gemeente_key, indicator_key, m.period,
       CASE WHEN hide THEN NULL ELSE value END AS value,
       CASE WHEN hide THEN NULL ELSE n END::DOUBLE AS n,
       CASE WHEN hide THEN NULL ELSE ci_low END AS ci_low,
       CASE WHEN hide THEN NULL ELSE ci_high END AS ci_high,
       hide AS suppressed, synthetic, source_key,
       (value IS NOT NULL AND NOT hide) AS ok,
       is_sum, judged,
       w.weight,  -- only buurten have weights
       (value IS NOT NULL AND NOT hide AND wants_weight AND coalesce(w.weight > 0, false))
           AS has_weight
FROM marked m
LEFT JOIN weights w ON w.area_key = m.area_key AND w.period = m.period
