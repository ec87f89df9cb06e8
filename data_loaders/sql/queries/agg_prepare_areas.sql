-- The areas the build-time aggregates of $gemeenten rest on (every area when 'NL' is asked: the
-- country), each with a number of its own for quick joins, into a table of this connection
-- (data_loaders/aggregates.py computed_together; agg_prepare_rows and agg_many_peers read it).
CREATE OR REPLACE TEMP TABLE agg_areas AS
SELECT (row_number() OVER (ORDER BY code))::INTEGER AS area_key, code AS area_code, level,
       gemeente_code
FROM areas
WHERE list_contains($gemeenten, gemeente_code) OR list_contains($gemeenten, 'NL')
