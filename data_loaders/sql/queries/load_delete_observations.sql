-- A file of a source replaces that source's values of the file's areas, indicators and years,
-- nothing else (the scope of load_plan_observations).
DELETE FROM observations
WHERE source = $source
  AND area_code IN (SELECT DISTINCT area_code FROM _in)
  AND indicator_id IN (SELECT DISTINCT indicator_id FROM _in)
  AND period IN (SELECT DISTINCT period FROM _in)
