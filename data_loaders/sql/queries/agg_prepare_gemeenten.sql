-- The gemeente keys of agg_areas (agg_prepare_areas.sql) with their codes, and 0 for the country
-- ('NL'), into a table of this connection: agg_rows (agg_prepare_rows.sql) holds the key, its
-- readers group on it and name the gemeente only in what they return. `asked`: the gemeente (or
-- the country) is one of $gemeenten, whose aggregates are returned.
CREATE OR REPLACE TEMP TABLE agg_gemeenten AS
WITH keys AS (
    SELECT DISTINCT gemeente_key, gemeente_code FROM agg_areas
    UNION ALL
    SELECT 0, 'NL'
)
SELECT gemeente_key, gemeente_code,
       coalesce(list_contains($gemeenten, gemeente_code), false) AS asked
FROM keys
