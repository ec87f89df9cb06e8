-- The parts found last on this connection (agg_found_parts.sql) stored under one privacy key,
-- ordered within a gemeente as metrics.aggregate.group_parts gives them (rule, type, indicator,
-- year) by a sort key of their keys' ranks (agg_prepare_ranks.sql).
INSERT INTO agg_parts (gemeente_code, min_respondents, min_inhabitants, real_only, buurttype_rule,
                       position, type, indicator_id, period, rows, ok, ok_v, ok_n, ok_n_count, hw,
                       hw_wv, hw_w, hw_n, hw_n_count, ok_syn, hw_syn, any_suppressed, is_sum)
SELECT f.gemeente_code, $min_respondents, $min_inhabitants, $real_only, f.buurttype_rule,
       ((r.rank * t.count + t.rank) * i.count + i.rank) * p.count + p.rank,
       f.type, f.indicator_id, f.period, f.rows, f.ok, f.ok_v, f.ok_n, f.ok_n_count, f.hw,
       f.hw_wv, f.hw_w, f.hw_n, f.hw_n_count, f.ok_syn, f.hw_syn, f.any_suppressed, f.is_sum
FROM agg_parts_found f
JOIN agg_ranks r ON r.kind = 'rule' AND r.value = f.buurttype_rule
JOIN agg_ranks t ON t.kind = 'type' AND t.value = f.type
JOIN agg_ranks i ON i.kind = 'indicator' AND i.value = f.indicator_id
JOIN agg_ranks p ON p.kind = 'period' AND p.number = f.period
