-- The buurttype of each buurt in one year under one rule in one gemeente (or 'NL'): the labels
-- of the labelled year nearest to $period (the later one of two as near; the latest when
-- $period is NULL), as dashboard.tables.types_in picks them from app_buurttypes.
WITH labelled AS (
    SELECT b.area_code, b.period, b.type
    FROM buurttypes b
    JOIN areas a ON a.code = b.area_code
    WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente')) AND b.rule = $rule
), nearest AS (
    SELECT period
    FROM (SELECT DISTINCT period FROM labelled)
    ORDER BY CASE WHEN $period::INTEGER IS NULL THEN 0 ELSE abs(period - $period::INTEGER) END,
             period DESC
    LIMIT 1
)
SELECT area_code, type
FROM labelled
WHERE period = (SELECT period FROM nearest)
ORDER BY area_code
