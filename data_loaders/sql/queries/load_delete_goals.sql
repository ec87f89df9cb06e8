DELETE FROM goals WHERE source = $source AND list_contains($periods, target_period)
