-- Every gemeente a load mentions gets a row of its own (named from the CBS code list, else its
-- code), so it appears in the gemeente picker; a real name already there is kept.
INSERT INTO areas (code, name, level, parent_code, gemeente_code, valid_from, valid_to)
SELECT code, name, 'gemeente', NULL, code, NULL, NULL FROM _gemeenten
ON CONFLICT (code) DO UPDATE SET
    name = CASE WHEN areas.name = areas.code THEN excluded.name ELSE areas.name END
