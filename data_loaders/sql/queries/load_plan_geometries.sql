-- Per gemeente, what loading the incoming boundaries (_in) does: a boundary is replaced per area
-- code and indeling, whatever file it came from; kept are the gemeente's other boundaries.
WITH incoming AS (
    SELECT DISTINCT area_code, indeling FROM _in
),
scope AS (
    SELECT g.area_code, g.load_id FROM geometries g JOIN incoming i USING (area_code, indeling)
),
per_in AS (
    SELECT 'GM' || substr(area_code, 3, 4) AS gemeente, count(*) AS n FROM incoming GROUP BY 1
),
hits AS (
    SELECT 'GM' || substr(area_code, 3, 4) AS gemeente, count(*) AS n,
           count(*) FILTER (WHERE load_id IN (
               SELECT id FROM loads WHERE checksum = $checksum AND status = 'geladen')) AS same
    FROM scope GROUP BY 1
),
everything AS (
    SELECT 'GM' || substr(area_code, 3, 4) AS gemeente, count(*) AS n FROM geometries
    WHERE list_contains($gemeenten, 'GM' || substr(area_code, 3, 4))
    GROUP BY 1
)
SELECT p.gemeente,
       p.n - coalesce(h.n, 0) AS added,
       coalesce(h.n, 0) AS replaced,
       0 AS removed,
       coalesce(e.n, 0) - coalesce(h.n, 0) AS kept,
       coalesce(h.same, 0) AS same
FROM per_in p
LEFT JOIN hits h USING (gemeente)
LEFT JOIN everything e USING (gemeente)
ORDER BY p.gemeente
