-- app_periods of several gemeenten and of the whole country ('NL') at once, with and without the
-- generated observations (real_only): one pass over the observations for a load of any size.
WITH scoped AS (
    SELECT a.gemeente_code, a.level, o.indicator_id, o.period, o.synthetic
    FROM observations o JOIN areas a ON a.code = o.area_code
), chosen AS (
    SELECT gemeente_code, indicator_id, period, synthetic
    FROM scoped WHERE list_contains($gemeenten, gemeente_code)
    UNION ALL
    SELECT 'NL', indicator_id, period, synthetic FROM scoped WHERE level <> 'gemeente'
)
SELECT c.gemeente_code, r.real_only, c.indicator_id, min(c.period) AS first_period,
       max(c.period) AS last_period, list(DISTINCT c.period ORDER BY c.period) AS periods
FROM chosen c CROSS JOIN (SELECT unnest([false, true]) AS real_only) r
WHERE NOT (c.synthetic AND r.real_only)
GROUP BY ALL
