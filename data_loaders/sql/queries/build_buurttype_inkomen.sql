-- Default buurttype: per gemeente, buurten ranked by income per inhabitant in the latest year
-- with data; lowest fifth achterstand, highest fifth voorstand, the rest midden. One label per
-- year from 2014 to the newest year of any observation, each carrying the year of the income
-- data (basis_period). For the gemeenten in $gemeenten, after build_buurttype_inkomen_forget.sql
-- (data_loaders/pipeline.py derive_buurttypes). A label loaded from a file under the same rule
-- (with its load) is kept, never overwritten.
WITH latest AS (
    SELECT o.area_code, a.gemeente_code, arg_max(o.value, o.period) AS value, max(o.period) AS basis,
           arg_max(o.source, o.period) AS source
    FROM observations o JOIN areas a ON a.code = o.area_code
    WHERE o.indicator_id = 'inkomen_per_inwoner' AND a.level = 'buurt' AND o.value IS NOT NULL
      AND list_contains($gemeenten, a.gemeente_code)
    GROUP BY o.area_code, a.gemeente_code
), ranked AS (
    SELECT *, ntile(5) OVER (PARTITION BY gemeente_code ORDER BY value, area_code) AS fifth
    FROM latest
), years AS (  -- none without observations
    SELECT unnest(range(least(2014, newest), newest + 1)) AS period
    FROM (SELECT max(period) AS newest FROM observations)
)
INSERT INTO buurttypes (area_code, period, rule, type, basis_period, rule_label, source)
SELECT r.area_code, y.period, 'inkomen_gemeente_kwintiel',
       CASE r.fifth WHEN 1 THEN 'achterstand' WHEN 5 THEN 'voorstand' ELSE 'midden' END,
       r.basis,
       'Inkomen per inwoner (CBS, ' || r.basis || '): laagste 20% van de buurten in de gemeente = achterstand, hoogste 20% = voorstand.',
       r.source
FROM ranked r CROSS JOIN years y
ON CONFLICT DO NOTHING
