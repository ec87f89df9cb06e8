-- The boundaries without stored map shapes (new, or changed since: see agg_map_shapes_forget),
-- with the digest of the display text they are encoded from.
SELECT g.area_code, g.indeling, md5(g.geometry_display) AS digest, g.geometry_display
FROM geometries g
WHERE NOT EXISTS (
    SELECT 1 FROM map_shapes s
    WHERE s.area_code = g.area_code AND s.indeling = g.indeling
      AND s.digest = md5(g.geometry_display)
)
ORDER BY g.area_code, g.indeling
