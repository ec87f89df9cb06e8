-- Which status scores ($status_ids) each gemeente in $gemeenten and the country ('NL') has rows
-- of in agg_rows (agg_prepare_rows.sql), for metrics.expected's choice of the first of them.
-- One read of agg_rows: per gemeente, score and whether the rows are of the gemeente itself.
WITH found AS (
    SELECT g.gemeente_code, i.indicator_id, bool_and(r.is_gemeente) AS only_gemeente
    FROM agg_rows r
    JOIN agg_indicators i USING (indicator_key)
    JOIN agg_gemeenten g USING (gemeente_key)
    WHERE list_contains($status_ids, i.indicator_id)
    GROUP BY ALL
)
SELECT gemeente_code AS group_code, indicator_id
FROM found
WHERE list_contains($gemeenten, gemeente_code)
UNION
SELECT 'NL' AS group_code, indicator_id
FROM found
WHERE list_contains($gemeenten, 'NL') AND NOT only_gemeente
