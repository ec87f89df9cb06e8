-- Observations of one gemeente for the given indicators, with suppression applied here so that no
-- view or download ever receives a suppressed value: secret in the source, a survey value resting
-- on fewer than $min_respondents answers, or an area with fewer than $min_inhabitants inhabitants.
-- $areas: only these area codes, or every area of the gemeente when the list is empty.
WITH population AS (
    SELECT area_code, arg_max(value, period) AS inhabitants
    FROM observations
    WHERE indicator_id = 'inwoners' AND value IS NOT NULL
    GROUP BY area_code
), scoped AS (
    SELECT o.*, i.kind, p.inhabitants,
           (o.suppressed
            OR (i.kind = 'subjectief' AND o.n IS NOT NULL AND o.n < $min_respondents)
            OR (o.indicator_id <> 'inwoners' AND p.inhabitants IS NOT NULL
                AND p.inhabitants < $min_inhabitants)) AS hide
    FROM observations o
    JOIN areas a ON a.code = o.area_code
    JOIN indicators i ON i.id = o.indicator_id
    LEFT JOIN population p ON p.area_code = o.area_code
    WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
      AND list_contains($indicators, o.indicator_id)
      -- A semi-join, not list_contains per row: half the time for a few hundred areas.
      AND (len($areas::VARCHAR[]) = 0 OR o.area_code IN (SELECT unnest($areas::VARCHAR[])))
)
SELECT area_code, indicator_id, period,
       CASE WHEN hide THEN NULL ELSE value END AS value,
       CASE WHEN hide THEN NULL ELSE n END AS n,
       CASE WHEN hide THEN NULL ELSE ci_low END AS ci_low,
       CASE WHEN hide THEN NULL ELSE ci_high END AS ci_high,
       hide AS suppressed, synthetic, source
FROM scoped
ORDER BY indicator_id, area_code, period
