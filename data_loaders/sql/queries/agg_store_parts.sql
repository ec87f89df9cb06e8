-- The parts found last on this connection (agg_found_parts.sql) stored under one privacy key.
INSERT INTO agg_parts (gemeente_code, min_respondents, min_inhabitants, real_only, buurttype_rule,
                       position, type, indicator_id, period, rows, ok, ok_v, ok_n, ok_n_count, hw,
                       hw_wv, hw_w, hw_n, hw_n_count, ok_syn, hw_syn, any_suppressed, is_sum)
SELECT gemeente_code, $min_respondents, $min_inhabitants, $real_only, buurttype_rule, position,
       type, indicator_id, period, rows, ok, ok_v, ok_n, ok_n_count, hw, hw_wv, hw_w, hw_n,
       hw_n_count, ok_syn, hw_syn, any_suppressed, is_sum
FROM agg_parts_found
