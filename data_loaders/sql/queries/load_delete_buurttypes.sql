-- Replace the labels of the rules this list carries, for its years.
DELETE FROM buurttypes
WHERE source = $source AND list_contains($periods, period)
  AND rule IN (SELECT DISTINCT rule FROM _types)
