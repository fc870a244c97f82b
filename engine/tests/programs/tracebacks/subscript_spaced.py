d = {}
y = d [ 'k' ]
