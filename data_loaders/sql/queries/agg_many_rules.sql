-- The buurttype rules of each gemeente in $gemeenten and of the country ('NL'), as app_rules
-- lists them for one.
SELECT DISTINCT a.gemeente_code AS group_code, b.rule
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE list_contains($gemeenten, a.gemeente_code)
UNION
SELECT DISTINCT 'NL' AS group_code, b.rule
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE list_contains($gemeenten, 'NL') AND a.level <> 'gemeente'
ORDER BY ALL
