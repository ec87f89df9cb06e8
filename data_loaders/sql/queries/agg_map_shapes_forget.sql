-- Forget the stored map shapes of boundaries that are gone or whose display text changed since
-- they were encoded (data_loaders/map_shapes.py): agg_map_shapes_missing then encodes them again.
DELETE FROM map_shapes s
WHERE NOT EXISTS (
    SELECT 1 FROM geometries g
    WHERE g.area_code = s.area_code AND g.indeling = s.indeling
      AND md5(g.geometry_display) = s.digest
)
