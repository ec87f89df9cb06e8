-- Goals for one gemeente's areas (the gemeente itself, its wijken and buurten).
SELECT g.area_code, g.indicator_id, g.nulmeting_period, g.nulmeting_value, g.target_value,
       g.target_period, g.organisation, g.source, g.synthetic
FROM goals g
JOIN areas a ON a.code = g.area_code
WHERE a.gemeente_code = $gemeente
ORDER BY g.area_code, g.indicator_id, g.target_period
