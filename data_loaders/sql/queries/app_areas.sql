-- All areas of one gemeente (the gemeente itself, its wijken and buurten).
SELECT code, name, level, parent_code, gemeente_code
FROM areas
WHERE gemeente_code = $gemeente
ORDER BY CASE level WHEN 'gemeente' THEN 0 WHEN 'wijk' THEN 1 ELSE 2 END, code
