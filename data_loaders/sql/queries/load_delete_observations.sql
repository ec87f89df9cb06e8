-- A file of a source replaces that source's values of the file's areas, indicators and years,
-- nothing else (the scope of load_plan_observations).
DELETE FROM observations
WHERE source = $source
  AND list_contains($indicators, indicator_id)
  AND list_contains($periods, period)
  AND area_code IN (SELECT DISTINCT area_code FROM _in)
