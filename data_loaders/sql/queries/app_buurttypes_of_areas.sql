-- Buurttype per buurt and year under one rule, for only these buurten ($areas) of one gemeente
-- (or 'NL'); latest_period is the rule's latest year over the whole gemeente (or the country),
-- so that 'the latest year' means the same as in app_buurttypes.
WITH scoped AS (
    SELECT b.area_code, b.period, b.type, b.basis_period, b.rule, b.rule_label, b.source
    FROM buurttypes b
    JOIN areas a ON a.code = b.area_code
    WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
      AND b.rule = $rule
)
SELECT area_code, period, type, basis_period, rule, rule_label, source,
       (SELECT max(period) FROM scoped) AS latest_period
FROM scoped
WHERE area_code IN (SELECT unnest($areas::VARCHAR[]))
ORDER BY area_code, period
