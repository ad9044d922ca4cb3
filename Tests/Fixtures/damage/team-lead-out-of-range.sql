-- expect: team idx 0 (id 'T1'): lead refers to person idx 777, which does not exist
UPDATE team SET lead = 777 WHERE id = 'T1';
