-- The buurttype averages found last on this connection (agg_many_peers.sql) stored under one
-- privacy key, ordered within a gemeente and rule as agg_read_peers_found reads them (type,
-- indicator, year) by a sort key of their keys' ranks (agg_prepare_ranks.sql).
INSERT INTO agg_peers (gemeente_code, min_respondents, min_inhabitants, real_only, buurttype_rule,
                       position, type, indicator_id, period, value, n, areas_used, areas_total,
                       weighted, synthetic)
SELECT f.gemeente_code, $min_respondents, $min_inhabitants, $real_only, f.buurttype_rule,
       (t.rank * i.count + i.rank) * p.count + p.rank,
       f.type, f.indicator_id, f.period, f.value, f.n, f.areas_used, f.areas_total, f.weighted,
       f.synthetic
FROM agg_peers_found f
JOIN agg_ranks t ON t.kind = 'type' AND t.value = f.type
JOIN agg_ranks i ON i.kind = 'indicator' AND i.value = f.indicator_id
JOIN agg_ranks p ON p.kind = 'period' AND p.number = f.period
