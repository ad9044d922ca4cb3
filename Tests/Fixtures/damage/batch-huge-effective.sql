-- expect: batch id 2: effective 4294967296 is not a day
UPDATE batch SET effective = 4294967296 WHERE id = 2;
