-- expect: change seq 2: effective 99999999999 is not a day
UPDATE change SET effective = 99999999999 WHERE seq = 2;
