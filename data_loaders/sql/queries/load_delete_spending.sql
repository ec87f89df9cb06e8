DELETE FROM spending WHERE source = $source AND list_contains($periods, year)
