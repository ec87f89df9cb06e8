-- Years with observations in a gemeente, per indicator (only real ones when $real_only).
SELECT o.indicator_id, min(o.period) AS first_period, max(o.period) AS last_period,
       list(DISTINCT o.period ORDER BY o.period) AS periods
FROM observations o JOIN areas a ON a.code = o.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
  AND NOT (o.synthetic AND $real_only)
GROUP BY o.indicator_id
