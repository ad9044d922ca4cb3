-- expect: sponsor cycle as of 2026-02-01: 'M002' → 'M027' → 'M002'
UPDATE change SET old = 'M027' WHERE seq = 1;
