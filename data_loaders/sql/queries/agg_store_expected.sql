-- The expected values found last on this connection (agg_many_expected.sql) stored under one
-- privacy key, each with its place within its gemeente (numbered by agg_many_expected.sql).
INSERT INTO agg_expected (gemeente_code, min_respondents, min_inhabitants, real_only, position,
                          area_code, status, observed, expected, residual, residual_se, verdict,
                          indicator_id, period, buurten_used)
SELECT gemeente_code, $min_respondents, $min_inhabitants, $real_only,
       position,
       area_code, status, observed, expected, residual, residual_se, verdict, indicator_id,
       period, buurten_used
FROM agg_expected_found
