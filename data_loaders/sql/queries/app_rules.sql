-- The buurttype rules available for a gemeente, with their label, source and basis years. The
-- gemeente's own list comes first and is the default: users trust their own designation first.
SELECT b.rule, any_value(b.rule_label) AS rule_label, any_value(b.source) AS source,
       min(b.basis_period) AS first_basis, max(b.basis_period) AS last_basis, count(*) AS labels
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
GROUP BY b.rule
ORDER BY CASE b.rule WHEN 'gemeentelijke_lijst' THEN 0 WHEN 'inkomen_gemeente_kwintiel' THEN 1 ELSE 2 END,
         b.rule
