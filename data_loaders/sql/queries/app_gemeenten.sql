-- The gemeenten that have at least one buurt with data, for the gemeente picker; with more than
-- one, the whole country comes last as 'Nederland' (code NL, see app_areas).
WITH gemeenten AS (
    SELECT a.code, a.name
    FROM areas a
    WHERE a.level = 'gemeente'
      AND EXISTS (SELECT 1 FROM areas b WHERE b.gemeente_code = a.code AND b.level = 'buurt')
)
SELECT code, name FROM (
    SELECT code, name, 0 AS national FROM gemeenten
    UNION ALL
    SELECT 'NL', 'Nederland', 1 FROM gemeenten HAVING count(*) > 1
)
ORDER BY national, name
