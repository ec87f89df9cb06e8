-- Registered crimes per 1.000 inwoners, derived once after loading: the police count of a year
-- divided by the CBS inhabitants on 1 January of that same year (n = those inhabitants). Below
-- $floor inhabitants the rate is stored as suppressed: a handful of crimes in a buurt of a few
-- dozen residents gives a rate that says nothing. Areas without an inhabitant count get no rate.
INSERT INTO observations (area_code, indicator_id, period, value, n, ci_low, ci_high, source,
                          synthetic, suppressed, load_id)
SELECT c.area_code, 'misdrijven', c.period,
       CASE WHEN i.value >= $floor AND c.value IS NOT NULL THEN round(c.value / i.value * 1000, 1) END,
       CAST(i.value AS INTEGER), NULL, NULL, c.source, c.synthetic,
       i.value < $floor OR c.value IS NULL, c.load_id
FROM observations c
JOIN observations i
  ON i.area_code = c.area_code AND i.period = c.period AND i.indicator_id = 'inwoners'
 AND i.value IS NOT NULL
WHERE c.indicator_id = 'misdrijven_aantal';
