-- The buurttype averages found last on this connection under rule $rule (agg_many_peers.sql), in
-- their order.
SELECT * EXCLUDE (buurttype_rule) FROM agg_peers_found WHERE buurttype_rule = $rule
ORDER BY gemeente_code, type, indicator_id, period
