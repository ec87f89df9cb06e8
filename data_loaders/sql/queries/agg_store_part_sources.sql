-- The parts' sources found last on this connection (agg_found_part_sources.sql) stored under one
-- privacy key.
INSERT INTO agg_part_sources (gemeente_code, min_respondents, min_inhabitants, real_only,
                              buurttype_rule, position, type, indicator_id, period, source, count,
                              regime)
SELECT gemeente_code, $min_respondents, $min_inhabitants, $real_only, buurttype_rule, position,
       type, indicator_id, period, source, count, regime
FROM agg_part_sources_found
