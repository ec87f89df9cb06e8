-- A whole-number key for every source of an observation, in the order of the source keys, into a
-- table of this connection for agg_rows (agg_prepare_rows.sql), whose readers name the source
-- only in what they return (as agg_prepare_indicators.sql does for the indicators).
CREATE OR REPLACE TEMP TABLE agg_sources AS
SELECT (row_number() OVER (ORDER BY source))::SMALLINT AS source_key, source
FROM (SELECT DISTINCT source FROM observations)
