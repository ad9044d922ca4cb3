-- expect: owner cycle: 'M005' → 'M006' → 'M005'
UPDATE person SET owner = (SELECT idx FROM person WHERE id = 'M006') WHERE id = 'M005';
UPDATE person SET owner = (SELECT idx FROM person WHERE id = 'M005') WHERE id = 'M006';
