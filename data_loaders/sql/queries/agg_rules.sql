-- Which buurttype rules each of several gemeenten has (as app_rules lists them for one).
SELECT DISTINCT a.gemeente_code, b.rule
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE list_contains($gemeenten, a.gemeente_code)
ORDER BY ALL
