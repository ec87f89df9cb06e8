-- A newer boundary file replaces that source's boundaries of the same level and indeling.
DELETE FROM geometries
WHERE source = $source AND list_contains($periods, indeling)
  AND area_code IN (SELECT code FROM areas WHERE list_contains($levels, level))
