x = 'a'.upper().nope()
