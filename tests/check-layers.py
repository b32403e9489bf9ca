#!/usr/bin/env python3
"""Fails on an include in app/core or include/core that goes upward.

The core's folders are its layers, lowest first, in the order of
core_layers in app/core/meson.build. A file may include headers of its own
layer and of the layers before it, never of a layer after it. Headers are
included by name, so each name is looked up in include/core/<layer>/.
Generated headers (vigil-enum-types.h, vigil-core-resources.h) belong to
the layer that generates them.
"""
import os
import re
import sys


def self_test():
    """The check itself must be able to fail: an upward include in a small
    tree of two layers is reported with its file and line."""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tree:
        for folder in ('app/core/low', 'app/core/high', 'include/core/low', 'include/core/high'):
            os.makedirs(os.path.join(tree, folder))
        with open(os.path.join(tree, 'app/core/meson.build'), 'w') as f:
            f.write("core_layers = [\n  'low',\n  'high',\n]\n")
        for layer in ('low', 'high'):
            with open(os.path.join(tree, 'include/core', layer, 'vigil-%s.h' % layer), 'w') as f:
                f.write('#pragma once\n')
        with open(os.path.join(tree, 'app/core/high/vigil-high.c'), 'w') as f:
            f.write('#include "vigil-low.h"\n#include "vigil-high.h"\n')
        with open(os.path.join(tree, 'app/core/low/vigil-low.c'), 'w') as f:
            f.write('#include "vigil-low.h"\n\n#include "vigil-high.h"\n')
        run = subprocess.run([sys.executable, os.path.abspath(__file__), tree],
                             capture_output=True, text=True)
        expected = 'app/core/low/vigil-low.c:3: low includes vigil-high.h of the layer "high"'
        if run.returncode != 1 or expected not in run.stdout or run.stdout.count(': ') != 1:
            print(run.stdout)
            sys.exit('self-test: the upward include was not reported as it should be')
    print('self-test: an upward include is reported with its file and line')


if len(sys.argv) > 1 and sys.argv[1] == '--self-test':
    self_test()
    sys.exit(0)
top = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
meson = open(os.path.join(top, 'app/core/meson.build'), encoding='utf-8').read()
block = re.search(r'core_layers = \[(.*?)\]', meson, re.S)
if block is None:
    sys.exit('app/core/meson.build: no core_layers list')
layers = re.findall(r"'([a-z-]+)'", block.group(1))
rank = {name: i for i, name in enumerate(layers)}

owner = {'vigil-enum-types.h': 'base', 'vigil-core-resources.h': 'standards'}
for layer in layers:
    folder = os.path.join(top, 'include/core', layer)
    for name in os.listdir(folder):
        if name.endswith('.h'):
            if name in owner:
                sys.exit('include/core: %s is in two layers' % name)
            owner[name] = layer

problems = []
checked = 0
for root in ('app/core', 'include/core'):
    base = os.path.join(top, root)
    for name in sorted(os.listdir(base)):
        path = os.path.join(base, name)
        if os.path.isdir(path) and name not in rank:
            problems.append('%s/%s: a folder that is not a layer of core_layers' % (root, name))
        elif os.path.isfile(path) and name.endswith(('.c', '.h')):
            problems.append('%s/%s: a file outside the layers' % (root, name))
    for layer in layers:
        folder = os.path.join(base, layer)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(('.c', '.h')):
                continue
            rel = '%s/%s/%s' % (root, layer, name)
            checked += 1
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                for number, line in enumerate(f, 1):
                    m = re.match(r'\s*#\s*include\s*[<"]([^">]+)[">]', line)
                    if m is None:
                        continue
                    header = os.path.basename(m.group(1))
                    if header in ('gtk.h', 'adwaita.h') or m.group(1).startswith(('gtk/', 'adwaita')):
                        problems.append('%s:%d: the core includes GTK (%s)' % (rel, number, m.group(1)))
                    target = owner.get(header)
                    if target is None:
                        if header.startswith('vigil-'):
                            problems.append('%s:%d: %s is no header of a core layer' % (rel, number, header))
                        continue
                    if rank[target] > rank[layer]:
                        problems.append('%s:%d: %s includes %s of the layer "%s", which sits above "%s"'
                                        % (rel, number, layer, header, target, layer))

for p in problems:
    print(p)
print('%d files of %d layers checked, %d includes go upward or astray' % (checked, len(layers), len(problems)))
sys.exit(1 if problems else 0)
