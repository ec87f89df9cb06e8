DELETE FROM projects WHERE source = $source
