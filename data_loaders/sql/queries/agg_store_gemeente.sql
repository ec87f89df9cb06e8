-- The gemeente figures found last on this connection (agg_many_gemeente.sql) stored under one
-- privacy key, each with its place within its gemeente (agg_read_gemeente_found's order).
INSERT INTO agg_gemeente (gemeente_code, min_respondents, min_inhabitants, real_only, position,
                          indicator_id, period, value, n, areas_used, areas_total, basis,
                          synthetic)
SELECT gemeente_code, $min_respondents, $min_inhabitants, $real_only,
       row_number() OVER (PARTITION BY gemeente_code ORDER BY indicator_id, period) - 1,
       indicator_id, period, value, n, areas_used, areas_total, basis, synthetic
FROM agg_gemeente_found
