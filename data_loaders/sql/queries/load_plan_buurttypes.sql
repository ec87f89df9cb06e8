-- Per gemeente, what loading the incoming buurttypes (_in) does: the labels of the list's areas,
-- years and rules are replaced; kept are the gemeente's other labels.
WITH incoming AS (
    SELECT DISTINCT area_code, period, rule FROM _in
),
scope AS (
    SELECT area_code, period, rule, load_id FROM buurttypes
    WHERE list_contains($periods, period)
      AND list_contains($rules, rule)
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
    FROM scope s JOIN incoming i USING (area_code, period, rule)
    GROUP BY 1
),
everything AS (
    SELECT 'GM' || substr(area_code, 3, 4) AS gemeente, count(*) AS n FROM buurttypes
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
