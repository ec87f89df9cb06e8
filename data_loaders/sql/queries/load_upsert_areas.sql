-- Add new areas; for known ones keep a real name over a placeholder (the code) and widen the years.
INSERT INTO areas (code, name, level, parent_code, gemeente_code, valid_from, valid_to)
SELECT code, name, level, parent_code, gemeente_code, valid_from, valid_to FROM _areas
ON CONFLICT (code) DO UPDATE SET
    name = CASE WHEN excluded.name = excluded.code THEN areas.name ELSE excluded.name END,
    valid_from = least(areas.valid_from, excluded.valid_from),
    valid_to = greatest(areas.valid_to, excluded.valid_to)
