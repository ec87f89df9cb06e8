-- The expected values found last on this connection (agg_many_expected.sql) stored under one
-- privacy key, each with its place within its gemeente (agg_read_expected_found's order).
INSERT INTO agg_expected (gemeente_code, min_respondents, min_inhabitants, real_only, position,
                          area_code, status, observed, expected, residual, residual_se, verdict,
                          indicator_id, period, buurten_used)
SELECT gemeente_code, $min_respondents, $min_inhabitants, $real_only,
       row_number() OVER (PARTITION BY gemeente_code ORDER BY indicator_id, rank) - 1,
       area_code, status, observed, expected, residual, residual_se, verdict, indicator_id,
       period, buurten_used
FROM agg_expected_found
