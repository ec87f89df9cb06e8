-- Buurttype per buurt and year under one rule, for several gemeenten (as app_buurttypes for one).
SELECT b.area_code, b.period, b.type, b.basis_period, b.rule, b.rule_label, b.source
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE list_contains($gemeenten, a.gemeente_code) AND b.rule = $rule
ORDER BY b.area_code, b.period
