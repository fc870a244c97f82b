"""Writes engine/src/pynum/arith_table.txt: python3.11 results of binary operators over tricky ints and floats."""
from generated import write_or_check  # scripts/generated.py: --check compares instead of writing
import math
vals = ['0','1','-1','7','-7','2**63-1','-2**63','2**64+3','-(10**20)','2**53+1','0.0','-0.0','1.5','-2.5','1e308','float("inf")','float("-inf")','float("nan")']
ops = ['+','-','*','/','//','%','divmod','**','<<','>>','&','|','^','cmp']
def r(v):
    if isinstance(v, tuple): return '(' + ', '.join(r(x) for x in v) + ')'
    if isinstance(v, complex): raise TypeError
    return repr(v)
lines=[]
for a in vals:
    for b in vals:
        A=eval(a); B=eval(b)
        for op in ops:
            if op in ('<<','>>','&','|','^') and (isinstance(A,float) or isinstance(B,float)): continue
            if op=='**' and isinstance(A,int) and isinstance(B,int) and B>0 and abs(A)>1 and B*A.bit_length()>100000: continue
            if op=='<<' and isinstance(B,int) and B>100000 and A!=0: continue
            try:
                if op=='divmod': v=divmod(A,B)
                elif op=='cmp':
                    v = '<' if A<B else '>' if A>B else '=' if A==B else 'None'
                else: v=eval('A'+op+'B')
                if isinstance(v, complex): out='NotImplementedError: complex numbers are not supported'
                elif op=='cmp': out='ok '+v
                else: out='ok '+r(v)
            except Exception as e:
                out=type(e).__name__+': '+str(e)
            lines.append((a,op,b,out))
write_or_check('engine/src/pynum/arith_table.txt', ''.join(f'{r(eval(a))}\t{op}\t{r(eval(b))}\t{out}\n' for a,op,b,out in lines))
