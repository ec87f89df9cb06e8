-- Per gemeente, what loading the incoming values (_in) of $source does: added, replaced, removed
-- (the source's earlier values of the file's areas, indicators and years that the file no longer
-- has), kept (every other value of that gemeente), and how many replaced values came from this
-- very file ($checksum) before. The scope is the same as load_delete_observations; $indicators
-- and $periods are the file's (few) distinct indicators and years. Every reader refuses a file
-- with a key twice (mapped_table.check_observations), so the incoming keys are distinct.
WITH incoming AS (
    SELECT area_code, indicator_id, period FROM _in
),
scope AS (
    SELECT area_code, indicator_id, period, load_id FROM observations
    WHERE source = $source
      AND list_contains($indicators, indicator_id)
      AND list_contains($periods, period)
      AND area_code IN (SELECT DISTINCT area_code FROM _in)
),
per_in AS (
    SELECT 'GM' || substr(area_code, 3, 4) AS gemeente, count(*) AS n FROM incoming GROUP BY 1
),
per_scope AS (
    SELECT 'GM' || substr(area_code, 3, 4) AS gemeente, count(*) AS n FROM scope GROUP BY 1
),
hits AS (
    SELECT 'GM' || substr(s.area_code, 3, 4) AS gemeente, count(*) AS n,
           count(*) FILTER (WHERE s.load_id IN (
               SELECT id FROM loads WHERE checksum = $checksum AND status = 'geladen')) AS same
    FROM scope s JOIN incoming i USING (area_code, indicator_id, period)
    GROUP BY 1
),
everything AS (
    SELECT 'GM' || substr(area_code, 3, 4) AS gemeente, count(*) AS n FROM observations
    WHERE list_contains($gemeenten, 'GM' || substr(area_code, 3, 4))
    GROUP BY 1
)
SELECT p.gemeente,
       p.n - coalesce(h.n, 0) AS added,
       coalesce(h.n, 0) AS replaced,
       coalesce(s.n, 0) - coalesce(h.n, 0) AS removed,
       coalesce(e.n, 0) - coalesce(s.n, 0) AS kept,
       coalesce(h.same, 0) AS same
FROM per_in p
LEFT JOIN hits h USING (gemeente)
LEFT JOIN per_scope s USING (gemeente)
LEFT JOIN everything e USING (gemeente)
ORDER BY p.gemeente
