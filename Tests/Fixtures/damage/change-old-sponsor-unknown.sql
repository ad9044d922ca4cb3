-- expect: change seq 1: old sponsor 'M999' is not a person in the store
UPDATE change SET old = 'M999' WHERE seq = 1;
