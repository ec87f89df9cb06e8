-- Of $codes, those known as an area (from a boundary file) that have no boundary in any
-- indeling: their shape had no surface in the file they came from (data_loaders/pipeline.py).
SELECT code AS area_code FROM areas
WHERE list_contains($codes, code)
  AND code NOT IN (SELECT area_code FROM geometries)
ORDER BY code
