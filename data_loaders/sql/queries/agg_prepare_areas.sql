-- The areas the build-time aggregates of $gemeenten rest on (every area when 'NL' is asked: the
-- country), each with a number of its own for quick joins and one of its gemeente (from 1, in
-- the order of the codes; agg_prepare_gemeenten.sql), into a table of this connection
-- (data_loaders/aggregates.py computed_together; agg_prepare_rows and agg_many_peers read it).
CREATE OR REPLACE TEMP TABLE agg_areas AS
SELECT (row_number() OVER (ORDER BY code))::INTEGER AS area_key, code AS area_code, level,
       gemeente_code, (dense_rank() OVER (ORDER BY gemeente_code))::SMALLINT AS gemeente_key
FROM areas
WHERE list_contains($gemeenten, gemeente_code) OR list_contains($gemeenten, 'NL')
