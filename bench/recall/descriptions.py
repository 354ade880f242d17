#!/usr/bin/env python3
"""Measures how many tools of the real servers have their description found
by the modeltext analyzer: a tool of bench/recall/expect (counted by
bench/recall/truth) counts as described when a text is reported within
three lines of where the tool is named, or at the declaration of a constant
or function named within those lines. It shares no code with the analyzer:
it reads the source and the analyzer's output only.

Usage: descriptions.py SERVERS_DIR OUT_DIR
  where OUT_DIR/NAME.txt is the output of bench/recall/texts run in the
  server NAME's module (bench/recall/descriptions.sh does both).
"""
import collections, os, re, sys

servers, out = sys.argv[1], sys.argv[2]
expect = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'expect')
total = found_all = 0
for name in sorted(os.listdir(expect)):
    name = name[:-len('.txt')]
    root = os.path.join(servers, name)
    texts = collections.defaultdict(list)
    short = collections.defaultdict(list)  # texts placed as folder/file:line
    for line in open(os.path.join(out, name + '.txt'), errors='replace'):
        m = re.match(r'(.*?):(\d+):\d+: TEXT .* at (\S+):(\d+):\d+$', line.rstrip('\n'))
        if m:
            short[m.group(3)].append(int(m.group(4)))
            continue
        m = re.match(r'(.*?):(\d+):\d+: TEXT', line)
        if m:
            texts[os.path.relpath(m.group(1), root)].append(int(m.group(2)))
    # The names a text is declared under: a constant, a variable, or the
    # function whose return it is.
    declared = set()
    for f, lines in texts.items():
        src = open(os.path.join(root, f), errors='replace').read().split('\n')
        for n in lines:
            m = re.match(r'\s*(?:const\s+|var\s+)?(\w+)\s*(?:string\s*)?=', src[n - 1])
            if m:
                declared.add(m.group(1))
            for k in range(n - 1, max(0, n - 40), -1):
                m = re.match(r'func\s+(?:\([^)]*\)\s*)?(\w+)', src[k - 1])
                if m:
                    declared.add(m.group(1))
                    break
    tools = collections.defaultdict(list)
    for line in open(os.path.join(expect, name + '.txt')):
        tool, pos = line.rstrip('\n').split('\t')
        f, n = pos.rsplit(':', 1)
        tools[f].append((int(n), tool))
    found, missed = 0, []
    for f, ts in tools.items():
        files = [k for k in texts if k.endswith(f)]
        near = [n for k in files for n in texts[k]]
        near += [n for k in short if f.endswith('/' + k) or f == k for n in short[k]]
        src = []
        paths = [p for p in (os.path.join(root, f), *[os.path.join(root, d, f) for d in os.listdir(root)]) if os.path.isfile(p)]
        if paths:
            src = open(paths[0], errors='replace').read().split('\n')
        for n, tool in ts:
            names = set(re.findall(r'[A-Za-z_]\w*', ' '.join(src[max(0, n - 4):n + 3])))
            if any(n - 3 <= x <= n + 3 for x in near) or names & declared:
                found += 1
            else:
                missed.append(f'{tool} ({f}:{n})')
    total += sum(len(ts) for ts in tools.values())
    found_all += found
    print(f'{name}: {found}/{sum(len(ts) for ts in tools.values())}' + (f'; missed e.g. {", ".join(missed[:3])}' if missed else ''))
print(f'total: {found_all}/{total}')
