-- Which status scores ($status_ids) each gemeente in $gemeenten and the country ('NL') has rows
-- of in agg_rows (agg_prepare_rows.sql), for metrics.expected's choice of the first of them.
SELECT gemeente_code AS group_code, indicator_id
FROM agg_rows
WHERE list_contains($status_ids, indicator_id) AND list_contains($gemeenten, gemeente_code)
GROUP BY ALL
UNION
SELECT 'NL' AS group_code, indicator_id
FROM agg_rows
WHERE list_contains($status_ids, indicator_id) AND list_contains($gemeenten, 'NL')
  AND NOT is_gemeente
GROUP BY ALL
