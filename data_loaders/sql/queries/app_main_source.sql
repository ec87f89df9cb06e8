-- The most common source of one indicator's rows in a gemeente (or 'NL': every wijk and buurt),
-- as app_observations returns them (suppressed rows too; the generated ones only when
-- $real_only is false): the source named on the gemeente's and the buurttypes' trend lines.
-- Equal counts: the first source in order.
SELECT o.source
FROM observations o
JOIN areas a ON a.code = o.area_code
WHERE (a.gemeente_code = $gemeente OR ($gemeente = 'NL' AND a.level <> 'gemeente'))
  AND o.indicator_id = $indicator
  AND NOT (o.synthetic AND $real_only)
GROUP BY o.source
ORDER BY count(*) DESC, o.source
LIMIT 1
