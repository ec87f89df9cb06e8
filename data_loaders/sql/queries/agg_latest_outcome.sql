-- Per gemeente the latest year of any outcome observation (generated ones included, as
-- app_periods counts them): the year the early warnings are about.
SELECT a.gemeente_code, max(o.period) AS latest
FROM observations o
JOIN areas a ON a.code = o.area_code
JOIN indicators i ON i.id = o.indicator_id
WHERE i.result = 'outcome' AND list_contains($gemeenten, a.gemeente_code)
GROUP BY a.gemeente_code
