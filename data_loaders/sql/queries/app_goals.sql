-- Goals for one gemeente's areas (the gemeente itself, its wijken and buurten). Goals from a
-- confidential source only for whom may see them: everyone's ($show_confidential), its own
-- organisation's (key in $organisations, as in app_spending.sql) or its gemeente's ($gemeenten).
SELECT g.area_code, g.indicator_id, g.nulmeting_period, g.nulmeting_value, g.target_value,
       g.target_period, g.organisation, g.source, g.synthetic
FROM goals g
JOIN areas a ON a.code = g.area_code
LEFT JOIN sources s ON s.key = g.source
WHERE a.gemeente_code = $gemeente
  AND (NOT coalesce(s.confidential, false) OR $show_confidential
       OR list_contains($gemeenten, a.gemeente_code)
       OR list_contains($organisations,
                        trim(regexp_replace(lower(g.organisation), '[^a-z0-9]+', '-', 'g'), '-')))
ORDER BY g.area_code, g.indicator_id, g.target_period
