-- A newer file of a source replaces that source's rows for its years.
DELETE FROM observations WHERE source = $source AND list_contains($periods, period)
