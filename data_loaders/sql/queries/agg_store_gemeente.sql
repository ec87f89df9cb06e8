-- The gemeente figures found last on this connection (agg_many_gemeente.sql) stored under one
-- privacy key, ordered within a gemeente as agg_read_gemeente_found reads them (indicator, year)
-- by a sort key of their keys' ranks (agg_prepare_ranks.sql).
INSERT INTO agg_gemeente (gemeente_code, min_respondents, min_inhabitants, real_only, position,
                          indicator_id, period, value, n, areas_used, areas_total, basis,
                          synthetic)
SELECT f.gemeente_code, $min_respondents, $min_inhabitants, $real_only,
       i.rank * p.count + p.rank,
       f.indicator_id, f.period, f.value, f.n, f.areas_used, f.areas_total, f.basis, f.synthetic
FROM agg_gemeente_found f
JOIN agg_ranks i ON i.kind = 'indicator' AND i.value = f.indicator_id
JOIN agg_ranks p ON p.kind = 'period' AND p.number = f.period
