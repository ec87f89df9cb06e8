-- Every gemeente with data (boundaries, figures or buurttypes of any of its areas, or of itself),
-- for the gemeente picker; with more than one, the whole country comes last as 'Nederland' (code
-- NL, see app_areas). Every load gives each gemeente it mentions an area row of its own.
-- observations: how many figures the gemeente and its areas hold; the app opens on the gemeente
-- with the most (the one the monitor is mostly about), not on the first in the alphabet.
WITH counted AS (
    SELECT 'GM' || substr(area_code, 3, 4) AS code, count(*) AS observations
    FROM observations GROUP BY ALL
),
with_data AS (
    SELECT DISTINCT 'GM' || substr(area_code, 3, 4) AS code FROM (
        SELECT area_code FROM geometries
        UNION ALL SELECT code AS area_code FROM counted
        UNION ALL SELECT area_code FROM buurttypes
    )
),
gemeenten AS (
    SELECT a.code, a.name, coalesce(c.observations, 0) AS observations
    FROM areas a JOIN with_data d USING (code) LEFT JOIN counted c USING (code)
    WHERE a.level = 'gemeente'
)
SELECT code, name, observations FROM (
    SELECT code, name, observations, 0 AS national FROM gemeenten
    UNION ALL
    SELECT 'NL', 'Nederland', sum(observations), 1 FROM gemeenten HAVING count(*) > 1
)
ORDER BY national, name
