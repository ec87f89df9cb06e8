-- The gemeenten that have at least one buurt with data, for the gemeente picker.
SELECT a.code, a.name
FROM areas a
WHERE a.level = 'gemeente'
  AND EXISTS (SELECT 1 FROM areas b WHERE b.gemeente_code = a.code AND b.level = 'buurt')
ORDER BY a.name
