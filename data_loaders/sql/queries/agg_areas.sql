-- All areas of several gemeenten (each gemeente itself, its wijken and buurten), as app_areas
-- gives them for one: for computing the aggregates of many gemeenten at once.
SELECT code, name, level, parent_code, gemeente_code
FROM areas
WHERE list_contains($gemeenten, gemeente_code)
ORDER BY CASE level WHEN 'gemeente' THEN 0 WHEN 'wijk' THEN 1 ELSE 2 END, code
