-- Display geometry of one level in one gemeente, from the newest indeling that has it.
-- Newest per gemeente: the country's map holds every gemeente, also one whose boundaries were
-- loaded in an older indeling than another's.
WITH latest AS (
    SELECT a.gemeente_code, max(g.indeling) AS indeling
    FROM geometries g JOIN areas a ON a.code = g.area_code
    WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND a.level = $level
    GROUP BY a.gemeente_code
)
SELECT g.area_code, g.indeling, g.geometry_display, g.centroid_lon, g.centroid_lat
FROM geometries g
JOIN areas a ON a.code = g.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND a.level = $level
  AND g.indeling = (SELECT l.indeling FROM latest l WHERE l.gemeente_code = a.gemeente_code)
ORDER BY g.area_code
