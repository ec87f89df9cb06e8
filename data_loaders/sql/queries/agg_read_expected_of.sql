-- The stored agg_expected rows of some areas of one gemeente and privacy setting, in their
-- computed order: the rows of agg_read_expected whose area is in $areas (a profile shows one
-- area; nationally the whole table is hundreds of thousands of rows).
SELECT * EXCLUDE (min_respondents, min_inhabitants, real_only, position)
FROM agg_expected
WHERE gemeente_code = $gemeente AND min_respondents = $min_respondents
  AND min_inhabitants = $min_inhabitants AND real_only = $real_only
  AND list_contains($areas::VARCHAR[], area_code)
ORDER BY position
