-- Codes that have a boundary in any indeling.
SELECT DISTINCT area_code FROM geometries
