-- Whether the aggregates of one gemeente and privacy setting are stored, and their status score.
SELECT status_id, with_expected
FROM agg_runs
WHERE gemeente_code = $gemeente AND min_respondents = $min_respondents
  AND min_inhabitants = $min_inhabitants AND real_only = $real_only
