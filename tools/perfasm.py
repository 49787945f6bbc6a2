"""Instruction-level profile of JIT-compiled Java code, without hsdis.

Reads a HotSpot PrintAssembly log (machine code as hex, with the scope of each instruction) and a perf.data of
cpu-clock samples, disassembles the hot C2 methods with capstone and prints, per method, the instructions that
took at least 0.4% of its samples, with the instruction before (a sample usually lands just after the one that
stalled) and its Java scope. Run through tools/perfasm.sh. Needs perf and python3-capstone (Debian).

usage: perfasm.py ASM_LOG PERF_DATA [TOP_METHODS]   (DUMP=name,lo,hi prints one address range in full)
"""
import re, sys, subprocess, collections, html, bisect
from capstone import Cs, CS_ARCH_X86, CS_MODE_64
log, data = sys.argv[1], sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 6
lines = open(log, errors='replace').read().split('\n')
methods = []  # (start, end, name, bytes dict, scopes dict)
cur = None
addr_re = re.compile(r'^\s+0x([0-9a-f]+): (.*)$')
for ln in lines:
    m = re.match(r'^Compiled method \((c[12])\)\s+\d+\s+\d+\s+(%?)\s*\d\s+(\S+)', ln)
    if m:
        cur = {'kind': m.group(1), 'name': html.unescape(m.group(3)) + (' OSR' if m.group(2) else ''), 'code': {}, 'scope': collections.defaultdict(list), 'range': None, 'last': None}
        methods.append(cur); continue
    if cur is None: continue
    m = re.match(r'^ main code\s+\[0x([0-9a-f]+),0x([0-9a-f]+)\]', ln)
    if m: cur['range'] = (int(m.group(1), 16), int(m.group(2), 16)); continue
    m = addr_re.match(ln)
    if m:
        a = int(m.group(1), 16); rest = m.group(2)
        cur['last'] = a
        if re.match(r'^[0-9a-f]{2,4}( |$)', rest) and not rest.startswith(';'):
            hx = re.sub(r'[^0-9a-f]', '', rest.split(';')[0])
            cur['code'][a] = bytes.fromhex(hx)
        continue
    if cur['last'] is not None and ln.strip().startswith('; -'):
        cur['scope'][cur['last']].append(html.unescape(ln.strip()[3:].strip()))
out = subprocess.run(['perf', 'script', '-i', data, '-F', 'ip'], capture_output=True, text=True).stdout.split()
ips = [int(x, 16) for x in out if x]
c2 = [mm for mm in methods if mm['kind'] == 'c2' and mm['range']]
starts = sorted((mm['range'][0], i) for i, mm in enumerate(c2))
hits = collections.Counter(); per = collections.defaultdict(collections.Counter)
for ip in ips:
    k = bisect.bisect_right(starts, (ip, 1 << 60)) - 1
    if k < 0: continue
    mm = c2[starts[k][1]]
    if mm['range'][0] <= ip < mm['range'][1]:
        hits[id(mm)] += 1; per[id(mm)][ip] += 1
total = len(ips)
byid = {id(mm): mm for mm in c2}
print('samples', total, 'in these c2 methods', sum(hits.values()))
def instructions(mm):
    """The method's machine code, disassembled in address order, and its scope addresses (sorted)."""
    code = b''; base = None
    for a in sorted(mm['code']):
        if base is None: base = a
        if a != base + len(code): code += b'\x90' * max(0, a - base - len(code))
        code += mm['code'][a]
    return list(Cs(CS_ARCH_X86, CS_MODE_64).disasm(code, base)), sorted(mm['scope'])

def scope_of(mm, scope_addrs, address):
    k = bisect.bisect_right(scope_addrs, address) - 1
    return mm['scope'][scope_addrs[k]] if k >= 0 else []

for mid, cnt in hits.most_common(top):
    mm = byid[mid]; print('\n==== %5.1f%% %s' % (100.0 * cnt / total, mm['name']))
    ins, scope_addrs = instructions(mm)
    hc = per[mid]
    thresh = max(2, cnt * 0.004)
    for i, x in enumerate(ins):
        h = hc.get(x.address, 0)
        if h >= thresh:
            sc = (scope_of(mm, scope_addrs, x.address) or [''])[0]
            prev = ins[i-1] if i else None
            print('%5.1f%%  %x  %-8s %-40s <- prev: %-30s | %s' % (100.0 * h / cnt, x.address, x.mnemonic, x.op_str[:40], (prev.mnemonic + ' ' + prev.op_str)[:30] if prev else '', sc))

def dump(name_sub, lo, hi):
    for mm in c2:
        if name_sub in mm['name'] and mm['range'][0] <= lo < mm['range'][1]:
            ins, scope_addrs = instructions(mm)
            hc = per[id(mm)]
            for x in ins:
                if lo <= x.address <= hi:
                    sc = scope_of(mm, scope_addrs, x.address)
                    print('%5d  %x  %-8s %-45s | %s' % (hc.get(x.address, 0), x.address, x.mnemonic, x.op_str[:45], ' / '.join(sc[:3])[:150]))
import os
if os.environ.get('DUMP'):
    n, lo, hi = os.environ['DUMP'].split(',')
    dump(n, int(lo, 16), int(hi, 16))
