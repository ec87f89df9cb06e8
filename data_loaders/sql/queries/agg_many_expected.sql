-- Expected versus observed for every buurt and outcome of each group in agg_rows
-- (agg_prepare_rows.sql): each gemeente in $gemeenten and the country ('NL'), as
-- metrics.expected.expected_all computes it: per outcome a weighted straight line through the
-- group's buurten in the outcome's latest usable year, of the value on the buurt's latest status
-- score ($groups[i] takes status $statuses[i]), weighted by inhabitants when the group has any.
-- Into a table of this connection (data_loaders/aggregates.py): agg_store_expected copies it
-- into agg_expected under a privacy key, agg_read_expected_found reads it in order (`position`:
-- each row's place within its group, by indicator and firmest first within an indicator, as
-- metrics.expected sorts; ties by buurt code). The place is numbered on whole-number keys of the
-- group and the indicator: numbered on their codes, this took as long again as the fit itself.
CREATE OR REPLACE TEMP TABLE agg_expected_found AS
WITH choice AS (  -- group_key: the gemeente's key, 0 for the country (agg_prepare_gemeenten.sql)
    SELECT g.gemeente_key AS group_key, c.status_id
    FROM (SELECT unnest($groups) AS group_code, unnest($statuses) AS status_id) c
    JOIN agg_gemeenten g ON g.gemeente_code = c.group_code
), asked AS (
    SELECT gemeente_key FROM agg_gemeenten WHERE asked
), outcomes AS (  -- indicator_key: agg_prepare_indicators.sql, in the order of the codes
    SELECT indicator_key, indicator_id, direction FROM agg_indicators WHERE is_outcome
), years AS (
    SELECT r.gemeente_key, r.indicator_key, max(r.period) AS period,
           max(r.period) FILTER (WHERE NOT r.is_gemeente) AS below
    FROM agg_rows r
    JOIN outcomes USING (indicator_key)
    WHERE r.ok
    GROUP BY ALL
), latest AS (
    SELECT gemeente_key AS group_key, indicator_key, period
    FROM years
    WHERE gemeente_key IN (SELECT gemeente_key FROM asked)
    UNION ALL
    SELECT 0 AS group_key, indicator_key, max(below) AS period
    FROM years
    WHERE list_contains($gemeenten, 'NL')
    GROUP BY indicator_key
    HAVING max(below) IS NOT NULL
), inhabitants AS (
    SELECT indicator_key FROM agg_indicators WHERE indicator_id = 'inwoners'
), counted AS (  -- groups with inhabitants: their fits are weighted
    SELECT gemeente_key AS group_key FROM agg_rows
    WHERE indicator_key IN (SELECT indicator_key FROM inhabitants) AND value IS NOT NULL
      AND gemeente_key IN (SELECT gemeente_key FROM asked)
    UNION
    SELECT 0 FROM agg_rows
    WHERE indicator_key IN (SELECT indicator_key FROM inhabitants) AND value IS NOT NULL
      AND NOT is_gemeente AND list_contains($gemeenten, 'NL')
), status_values AS (  -- by the status score's code, as choice names it
    SELECT r.area_key, i.indicator_id, arg_max(r.value, r.period) AS status
    FROM agg_rows r
    JOIN agg_indicators i USING (indicator_key)
    WHERE i.indicator_id IN (SELECT DISTINCT status_id FROM choice) AND r.value IS NOT NULL
      AND r.is_buurt
    GROUP BY ALL
), members AS (  -- each buurt row once per group: its gemeente and the country
    SELECT gemeente_key AS group_key, * FROM agg_rows
    WHERE is_buurt AND ok AND gemeente_key IN (SELECT gemeente_key FROM asked)
    UNION ALL
    SELECT 0 AS group_key, * FROM agg_rows
    WHERE is_buurt AND ok AND list_contains($gemeenten, 'NL')
), fit_rows AS (
    SELECT l.group_key, r.area_key, r.indicator_key, l.period, r.value AS y, s.status AS x,
           CASE WHEN c.group_key IS NULL THEN 1.0 ELSE r.weight END AS w
    FROM latest l
    JOIN members r ON r.group_key = l.group_key AND r.indicator_key = l.indicator_key
                  AND r.period = l.period
    JOIN choice h ON h.group_key = l.group_key
    JOIN status_values s ON s.area_key = r.area_key AND s.indicator_id = h.status_id
    LEFT JOIN counted c ON c.group_key = l.group_key
), usable_rows AS (
    SELECT * FROM fit_rows WHERE w > 0
), sums AS (
    SELECT group_key, indicator_key, count(*) AS k, sum(w) AS sw, sum(w * x) AS swx,
           sum(w * y) AS swy
    FROM usable_rows
    GROUP BY ALL
), centred AS (
    SELECT u.*, s.k, u.w / s.sw AS wn, s.swx / s.sw AS xm, s.swy / s.sw AS ym
    FROM usable_rows u
    JOIN sums s ON s.group_key = u.group_key AND s.indicator_key = u.indicator_key
), line AS (
    SELECT group_key, indicator_key, any_value(k) AS k, any_value(xm) AS xm, any_value(ym) AS ym,
           sum(wn * (x - xm) * (x - xm)) AS sxx, sum(wn * (x - xm) * (y - ym)) AS sxy
    FROM centred
    GROUP BY ALL
), fitted AS (
    SELECT c.*, l.sxy / l.sxx AS slope, l.ym - l.sxy / l.sxx * l.xm AS intercept
    FROM centred c
    JOIN line l ON l.group_key = c.group_key AND l.indicator_key = c.indicator_key
    WHERE l.k >= $min_buurten AND l.sxx > 0
), residuals AS (
    SELECT *, intercept + slope * x AS expected, y - (intercept + slope * x) AS residual
    FROM fitted
), spread AS (
    SELECT group_key, indicator_key,
           sqrt(sum(wn * residual * residual) * any_value(k) / (any_value(k) - 2)) AS sd
    FROM residuals
    GROUP BY ALL
), judged AS (
    SELECT r.*, CASE WHEN s.sd > 0 THEN r.residual / s.sd ELSE 0 END AS residual_se, o.direction,
           o.indicator_id
    FROM residuals r
    JOIN spread s ON s.group_key = r.group_key AND s.indicator_key = r.indicator_key
    JOIN outcomes o ON o.indicator_key = r.indicator_key
)
SELECT g.gemeente_code, a.area_code, x AS status, y AS observed, expected, residual,
       residual_se,
       CASE WHEN residual_se > $band THEN
                CASE direction WHEN 'neutraal' THEN $higher WHEN 'lager_beter' THEN $worse
                               ELSE $better END
            WHEN residual_se < -$band THEN
                CASE direction WHEN 'neutraal' THEN $lower WHEN 'lager_beter' THEN $better
                               ELSE $worse END
            ELSE $as_expected END AS verdict,
       indicator_id, period, k AS buurten_used,
       row_number() OVER (
           PARTITION BY j.group_key
           ORDER BY j.indicator_key,
                    CASE WHEN direction = 'lager_beter' THEN residual_se ELSE -residual_se END,
                    j.area_key) - 1 AS position
FROM judged j
JOIN agg_areas a ON a.area_key = j.area_key
JOIN agg_gemeenten g ON g.gemeente_key = j.group_key
