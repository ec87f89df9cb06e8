-- The stored buurttype averages of one gemeente, buurttype rule and privacy setting, in order.
SELECT * EXCLUDE (min_respondents, min_inhabitants, real_only, position, buurttype_rule)
FROM agg_peers
WHERE gemeente_code = $gemeente AND buurttype_rule = $rule AND min_respondents = $min_respondents
  AND min_inhabitants = $min_inhabitants AND real_only = $real_only
ORDER BY position
