-- expect: change seq 2: 'shoe size' is not a field of a person in this store
UPDATE change SET field = 'shoe size' WHERE seq = 2;
