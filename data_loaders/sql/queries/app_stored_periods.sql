-- The years with observations per indicator in a gemeente (or 'NL') as the last load stored them
-- (the same columns as app_periods).
SELECT indicator_id, first_period, last_period, periods
FROM agg_periods
WHERE gemeente_code = $gemeente AND real_only = $real_only
