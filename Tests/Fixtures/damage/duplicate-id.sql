-- expect: person idx 0 (id 'M001'): the id is used by 2 people (the unique index person_by_id is missing)
DROP INDEX person_by_id;
UPDATE person SET id = 'M001' WHERE id = 'M002';
