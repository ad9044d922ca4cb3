-- expect: change seq 1: person refers to person idx 5000, which does not exist
UPDATE change SET person = 5000 WHERE seq = 1;
