-- A project list is the source's register for its gemeenten: it replaces its own project ids and
-- the source's other projects in those gemeenten (judged by a project's first area), no others.
DELETE FROM projects
WHERE project_id IN (SELECT project_id FROM _in)
   OR (source = $source
       AND 'GM' || substr(split_part(area_codes, ' ', 1), 3, 4) IN (SELECT gemeente FROM _in))
RETURNING split_part(area_codes, ' ', 1) AS area_code
