-- app_periods of several gemeenten and of the whole country ('NL') at once, with and without the
-- generated observations (real_only): one pass over the observations for a load of any size,
-- first down to the years per gemeente, level and indicator (a few rows per indicator and year).
WITH years AS (
    SELECT a.gemeente_code, a.level <> 'gemeente' AS below, o.indicator_id, o.period,
           bool_and(o.synthetic) AS synthetic  -- false: a real observation in that year
    FROM observations o JOIN areas a ON a.code = o.area_code
    GROUP BY ALL
), chosen AS (
    SELECT gemeente_code, indicator_id, period, synthetic
    FROM years WHERE list_contains($gemeenten, gemeente_code)
    UNION ALL
    SELECT 'NL', indicator_id, period, synthetic FROM years WHERE below
)
SELECT c.gemeente_code, r.real_only, c.indicator_id, min(c.period) AS first_period,
       max(c.period) AS last_period, list(DISTINCT c.period ORDER BY c.period) AS periods
FROM chosen c CROSS JOIN (SELECT unnest([false, true]) AS real_only) r
WHERE NOT (c.synthetic AND r.real_only)
GROUP BY ALL
