-- A buurttype list replaces the labels of its areas, years and rules (the scope of
-- load_plan_buurttypes).
DELETE FROM buurttypes
WHERE area_code IN (SELECT DISTINCT area_code FROM _in)
  AND period IN (SELECT DISTINCT period FROM _in)
  AND rule IN (SELECT DISTINCT rule FROM _in)
