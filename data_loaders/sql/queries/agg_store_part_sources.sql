-- The parts' sources found last on this connection (agg_found_part_sources.sql) stored under one
-- privacy key, ordered within a gemeente as metrics.aggregate.group_parts gives them (rule, the
-- usable rows before those with a weight, type, indicator, year, source) by a sort key of their
-- keys' ranks (agg_prepare_ranks.sql).
INSERT INTO agg_part_sources (gemeente_code, min_respondents, min_inhabitants, real_only,
                              buurttype_rule, position, type, indicator_id, period, source, count,
                              regime)
SELECT f.gemeente_code, $min_respondents, $min_inhabitants, $real_only, f.buurttype_rule,
       (((((r.rank * 2 + CASE f.regime WHEN 'ok' THEN 0 ELSE 1 END) * t.count + t.rank)
          * i.count + i.rank) * p.count + p.rank) * s.count + s.rank),
       f.type, f.indicator_id, f.period, f.source, f.count, f.regime
FROM agg_part_sources_found f
JOIN agg_ranks r ON r.kind = 'rule' AND r.value = f.buurttype_rule
JOIN agg_ranks t ON t.kind = 'type' AND t.value = f.type
JOIN agg_ranks i ON i.kind = 'indicator' AND i.value = f.indicator_id
JOIN agg_ranks p ON p.kind = 'period' AND p.number = f.period
JOIN agg_ranks s ON s.kind = 'source' AND s.value = f.source
