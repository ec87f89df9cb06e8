-- A boundary is replaced per area code and indeling (the scope of load_plan_geometries).
DELETE FROM geometries
WHERE (area_code, indeling) IN (SELECT DISTINCT area_code, indeling FROM _in)
