-- expect: change seq 2: the change names neither a person nor a team
UPDATE change SET person = NULL WHERE seq = 2;
