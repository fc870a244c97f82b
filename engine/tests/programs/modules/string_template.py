import string
print(string.capwords(' hello   world  '), string.capwords('a-b-c', '-'), string.hexdigits, string.octdigits, repr(string.whitespace))
t = string.Template('$who likes ${what}, $$5 for $who')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'x', 'what': 'y'}, who='z'))
print(string.Template('$a $b $').safe_substitute(a=1), t.get_identifiers(), t.is_valid())
for bad in ['$who $', 'x\n ${a']:
    try:
        string.Template(bad).substitute(who=1)
    except ValueError as e:
        print(e)
try:
    t.substitute(who=1)
except KeyError as e:
    print('KeyError', e)
print(len(string.printable), string.ascii_letters)
