-- The rows of app_buurttypes of some areas only ($areas), and the latest year of the rule in the
-- whole gemeente (or country), which tables.types_in(..., None) goes by: a profile or a
-- comparison needs the types of its own buurten, not the 130.000 rows of the country.
WITH labelled AS (
    SELECT b.area_code, b.period, b.type, b.basis_period, b.rule, b.rule_label, b.source
    FROM buurttypes b
    JOIN areas a ON a.code = b.area_code
    WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
      AND b.rule = $rule
)
SELECT *, (SELECT max(period) FROM labelled) AS latest_period
FROM labelled
WHERE area_code IN (SELECT unnest($areas::VARCHAR[]))  -- a semi-join, not a list search per row
ORDER BY area_code, period
