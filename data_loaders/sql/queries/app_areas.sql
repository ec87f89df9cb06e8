-- All areas of one gemeente (the gemeente itself, its wijken and buurten). The scope 'NL' is the
-- whole country as if it were one gemeente: every wijk and buurt, under one row named Nederland,
-- so that 'the gemeente' in references and headlines means the national figure.
SELECT code, name, level, parent_code, gemeente_code
FROM (
    SELECT code, name, level, parent_code, gemeente_code
    FROM areas
    WHERE gemeente_code = $gemeente
    UNION ALL
    SELECT code, name, level, parent_code, 'NL' AS gemeente_code
    FROM areas
    WHERE $gemeente = 'NL' AND level <> 'gemeente'
    UNION ALL
    SELECT 'NL', 'Nederland', 'gemeente', NULL, 'NL'
    WHERE $gemeente = 'NL'
)
ORDER BY CASE level WHEN 'gemeente' THEN 0 WHEN 'wijk' THEN 1 ELSE 2 END, code
