-- The stored agg_gemeente rows of one gemeente and privacy setting, in their computed order.
SELECT * EXCLUDE (min_respondents, min_inhabitants, real_only, position)
FROM agg_gemeente
WHERE gemeente_code = $gemeente AND min_respondents = $min_respondents
  AND min_inhabitants = $min_inhabitants AND real_only = $real_only
ORDER BY position
