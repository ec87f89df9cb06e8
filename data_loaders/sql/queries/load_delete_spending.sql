-- Spending of the file's organisations, areas and years is replaced; other rows stay.
DELETE FROM spending
WHERE (organisation, area_code, year) IN (SELECT DISTINCT organisation, area_code, year FROM _in)
RETURNING area_code
