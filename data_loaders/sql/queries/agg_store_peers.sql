-- The buurttype averages found last on this connection (agg_many_peers.sql) stored under one
-- privacy key, each with its place within its gemeente and rule (agg_read_peers_found's order).
INSERT INTO agg_peers (gemeente_code, min_respondents, min_inhabitants, real_only, buurttype_rule,
                       position, type, indicator_id, period, value, n, areas_used, areas_total,
                       weighted, synthetic)
SELECT gemeente_code, $min_respondents, $min_inhabitants, $real_only, buurttype_rule,
       row_number() OVER (PARTITION BY gemeente_code, buurttype_rule
                          ORDER BY type, indicator_id, period) - 1,
       type, indicator_id, period, value, n, areas_used, areas_total, weighted, synthetic
FROM agg_peers_found
