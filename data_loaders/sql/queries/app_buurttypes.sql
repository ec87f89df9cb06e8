-- Buurttype per buurt and year under one rule, for one gemeente.
SELECT b.area_code, b.period, b.type, b.basis_period, b.rule, b.rule_label, b.source
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND b.rule = $rule
ORDER BY b.area_code, b.period
