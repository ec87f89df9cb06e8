-- Each buurt's latest buurttype row under one rule in one gemeente (or 'NL'): what the buurttype
-- filter goes by. The same rows as app_buurttypes keeps of each buurt's last period, without
-- reading every period of every buurt into the app (nationally 130.000 rows).
SELECT b.area_code, b.period, b.type, b.basis_period, b.rule, b.rule_label, b.source
FROM buurttypes b
JOIN areas a ON a.code = b.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND b.rule = $rule
QUALIFY row_number() OVER (PARTITION BY b.area_code ORDER BY b.period DESC) = 1
ORDER BY b.period, b.area_code
