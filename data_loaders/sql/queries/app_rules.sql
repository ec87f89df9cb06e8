-- The buurttype rules available for a gemeente, with their label, source and basis years.
SELECT b.rule, any_value(b.rule_label) AS rule_label, any_value(b.source) AS source,
       min(b.basis_period) AS first_basis, max(b.basis_period) AS last_basis, count(*) AS labels
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
GROUP BY b.rule
ORDER BY CASE b.rule WHEN 'inkomen_gemeente_kwintiel' THEN 0 ELSE 1 END, b.rule
