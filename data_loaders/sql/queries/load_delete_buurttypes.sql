-- A buurttype list replaces the labels of its areas, years and rules (the scope of
-- load_plan_buurttypes).
DELETE FROM buurttypes
WHERE list_contains($periods, period)
  AND list_contains($rules, rule)
  AND area_code IN (SELECT DISTINCT area_code FROM _in)
