-- The observations the build-time aggregates rest on, read once into a table of this connection
-- (data_loaders/aggregates.py computed_many; the agg_many_* queries read it). $gemeenten: the
-- gemeenten to compute, with 'NL' for the country (then every area is read).
-- Suppression exactly as app_observations applies it (keep the two the same); no generated rows
-- when $real_only. Per row the flags of metrics.aggregate._aggregate_groups (ok: usable; is_sum;
-- has_weight) and, for a buurt, the inhabitants weight of its nearest counted year (the earlier
-- one on a tie: metrics._frames.nearest_period_lookup).
CREATE OR REPLACE TEMP TABLE agg_rows AS
WITH population AS (
    SELECT area_code, arg_max(value, period) AS inhabitants
    FROM observations
    WHERE indicator_id = 'inwoners' AND value IS NOT NULL
    GROUP BY area_code
), scope_areas AS (
    SELECT code AS area_code, level, gemeente_code
    FROM areas
    WHERE list_contains($gemeenten, gemeente_code) OR list_contains($gemeenten, 'NL')
), obs AS (
    SELECT o.area_code, a.level, a.gemeente_code, o.indicator_id, o.period,
           CASE WHEN hide THEN NULL ELSE o.value END AS value,
           CASE WHEN hide THEN NULL ELSE o.n END::DOUBLE AS n,
           CASE WHEN hide THEN NULL ELSE o.ci_low END AS ci_low,
           CASE WHEN hide THEN NULL ELSE o.ci_high END AS ci_high,
           hide AS suppressed, o.synthetic, o.source,
           (o.value IS NOT NULL AND NOT hide) AS ok,
           coalesce(i.aggregation = 'aantal', false) AS is_sum,
           coalesce(i.aggregation IN ('aandeel', 'gemiddelde', 'per_inwoners')
                    AND trim(i.weight) <> '', false) AS wants_weight,
           i.result = 'outcome' AND i.direction IN ('hoger_beter', 'lager_beter') AS judged
    FROM (
        SELECT o.*,
               (o.suppressed
                OR (i.kind = 'subjectief' AND o.n IS NOT NULL AND o.n < $min_respondents)
                OR (o.indicator_id <> 'inwoners' AND p.inhabitants IS NOT NULL
                    AND p.inhabitants < $min_inhabitants)) AS hide
        FROM observations o
        JOIN indicators i ON i.id = o.indicator_id
        LEFT JOIN population p ON p.area_code = o.area_code
        WHERE NOT (o.synthetic AND $real_only)
    ) o
    JOIN scope_areas a ON a.area_code = o.area_code
    JOIN indicators i ON i.id = o.indicator_id
), counted AS (
    SELECT area_code, period, value AS weight
    FROM obs
    WHERE indicator_id = 'inwoners' AND value IS NOT NULL
), weights AS (
    SELECT k.area_code, k.period,
           arg_min(c.weight, 2 * abs(c.period - k.period)
                             + CASE WHEN c.period > k.period THEN 1 ELSE 0 END) AS weight
    FROM (SELECT DISTINCT area_code, period FROM obs WHERE level = 'buurt') k
    JOIN counted c ON c.area_code = k.area_code
    GROUP BY k.area_code, k.period
)
SELECT o.* EXCLUDE (wants_weight), w.weight,
       (o.ok AND o.wants_weight AND coalesce(w.weight > 0, false)) AS has_weight
FROM obs o
LEFT JOIN weights w ON w.area_code = o.area_code AND w.period = o.period
