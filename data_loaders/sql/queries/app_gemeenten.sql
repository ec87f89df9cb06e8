-- Every gemeente with data (boundaries, figures or buurttypes of any of its areas, or of itself),
-- for the gemeente picker; with more than one, the whole country comes last as 'Nederland' (code
-- NL, see app_areas). Every load gives each gemeente it mentions an area row of its own.
WITH with_data AS (
    SELECT DISTINCT 'GM' || substr(area_code, 3, 4) AS code FROM (
        SELECT area_code FROM geometries
        UNION ALL SELECT DISTINCT area_code FROM observations
        UNION ALL SELECT area_code FROM buurttypes
    )
),
gemeenten AS (
    SELECT a.code, a.name
    FROM areas a JOIN with_data d USING (code)
    WHERE a.level = 'gemeente'
)
SELECT code, name FROM (
    SELECT code, name, 0 AS national FROM gemeenten
    UNION ALL
    SELECT 'NL', 'Nederland', 1 FROM gemeenten HAVING count(*) > 1
)
ORDER BY national, name
