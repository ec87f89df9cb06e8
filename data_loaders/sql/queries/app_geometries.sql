-- Display geometry of one level in one gemeente, from the newest indeling that has it.
WITH latest AS (
    SELECT max(g.indeling) AS indeling
    FROM geometries g JOIN areas a ON a.code = g.area_code
    WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND a.level = $level
)
SELECT g.area_code, g.indeling, g.geometry_display, g.centroid_lon, g.centroid_lat
FROM geometries g
JOIN areas a ON a.code = g.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND a.level = $level
  AND g.indeling = (SELECT indeling FROM latest)
ORDER BY g.area_code
