-- Observations of several gemeenten ($gemeenten) for the given indicators, suppressed exactly as
-- app_observations does for one gemeente (keep the two the same): for the build-time aggregates
-- of many gemeenten at once (data_loaders/aggregates.py), each row with its gemeente.
WITH population AS (
    SELECT area_code, arg_max(value, period) AS inhabitants
    FROM observations
    WHERE indicator_id = 'inwoners' AND value IS NOT NULL
    GROUP BY area_code
), scoped AS (
    SELECT o.*, a.gemeente_code, i.kind, p.inhabitants,
           (o.suppressed
            OR (i.kind = 'subjectief' AND o.n IS NOT NULL AND o.n < $min_respondents)
            OR (o.indicator_id <> 'inwoners' AND p.inhabitants IS NOT NULL
                AND p.inhabitants < $min_inhabitants)) AS hide
    FROM observations o
    JOIN areas a ON a.code = o.area_code
    JOIN indicators i ON i.id = o.indicator_id
    LEFT JOIN population p ON p.area_code = o.area_code
    WHERE list_contains($gemeenten, a.gemeente_code)
      AND list_contains($indicators, o.indicator_id)
)
SELECT area_code, gemeente_code, indicator_id, period,
       CASE WHEN hide THEN NULL ELSE value END AS value,
       CASE WHEN hide THEN NULL ELSE n END AS n,
       CASE WHEN hide THEN NULL ELSE ci_low END AS ci_low,
       CASE WHEN hide THEN NULL ELSE ci_high END AS ci_high,
       hide AS suppressed, synthetic, source
FROM scoped
ORDER BY indicator_id, area_code, period
