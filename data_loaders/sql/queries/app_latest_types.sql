-- Each buurt's latest buurttype row under one rule, for one gemeente (or the country): the row of
-- its last labelled year in app_buurttypes (what the buurttype filter and the overview's groups go
-- by). Nationally this hands over one row per buurt instead of one per buurt and year.
SELECT b.area_code, b.period, b.type, b.basis_period, b.rule, b.rule_label, b.source
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND b.rule = $rule
QUALIFY row_number() OVER (PARTITION BY b.area_code ORDER BY b.period DESC) = 1
ORDER BY b.period, b.area_code
