-- Rows of other sources in the given years: only those can clash with an incoming file.
SELECT count(*) AS rows FROM observations
WHERE source <> $source AND list_contains($periods, period)
