-- The indicator catalogue, in theme order.
SELECT *
FROM indicators
ORDER BY CASE theme WHEN 'leefbaarheid' THEN 0 WHEN 'veiligheid' THEN 1 WHEN 'contact' THEN 2
                    WHEN 'participatie' THEN 3 ELSE 4 END, id
