-- The map's shapes of one level in one gemeente (or 'NL'), from the newest indeling that has it:
-- the same areas as app_geometries, with the encodings and bounds the load stored
-- (data_loaders/map_shapes.py). Where none is stored for the boundary's present text, the
-- encodings are NULL and the display text comes along to encode it (and only then).
-- Newest per gemeente: the country's map holds every gemeente, also one whose boundaries were
-- loaded in an older indeling than another's.
WITH latest AS (
    SELECT a.gemeente_code, max(g.indeling) AS indeling
    FROM geometries g JOIN areas a ON a.code = g.area_code
    WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND a.level = $level
    GROUP BY a.gemeente_code
)
SELECT g.area_code, g.centroid_lon, g.centroid_lat, s.fine, s.coarse,
       s.min_lon, s.min_lat, s.max_lon, s.max_lat,
       CASE WHEN s.area_code IS NULL THEN g.geometry_display END AS geometry_display
FROM geometries g
JOIN areas a ON a.code = g.area_code
LEFT JOIN map_shapes s
       ON s.area_code = g.area_code AND s.indeling = g.indeling
      AND s.digest = md5(g.geometry_display)
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND a.level = $level
  AND g.indeling = (SELECT l.indeling FROM latest l WHERE l.gemeente_code = a.gemeente_code)
ORDER BY g.area_code
