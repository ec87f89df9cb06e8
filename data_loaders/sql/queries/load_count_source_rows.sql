-- How many rows of a source for the given years exist (what a new load would replace).
SELECT (SELECT count(*) FROM observations WHERE source = $source AND list_contains($periods, period))
     + (SELECT count(*) FROM buurttypes WHERE source = $source AND list_contains($periods, period))
     + (SELECT count(*) FROM geometries WHERE source = $source AND list_contains($periods, indeling))
     + (SELECT count(*) FROM spending WHERE source = $source AND list_contains($periods, year))
     + (SELECT count(*) FROM goals WHERE source = $source AND list_contains($periods, target_period))
       AS rows
