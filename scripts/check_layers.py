#!/usr/bin/env python3
"""Fails the build when a file in core/ includes a folder of the core it may not use.

Usage: check_layers.py CORE_DIR LAYER=ALLOWED,ALLOWED ...   (the rule, from core/CMakeLists.txt)
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"core/([^/"]+)/[^"]*"')


def main(core_dir, rules):
    allowed = {}
    for rule in rules:
        layer, _, uses = rule.partition("=")
        allowed[layer] = uses.split(",")
    errors = []
    for layer in sorted(os.listdir(core_dir)):
        folder = os.path.join(core_dir, layer)
        if not os.path.isdir(folder):
            continue
        if layer not in allowed:
            errors.append(f"core/{layer}/ is not a layer of core/CMakeLists.txt")
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if m and m.group(1) not in allowed[layer]:
                        errors.append(
                            f"core/{layer}/{name}:{number}: includes core/{m.group(1)}/, but "
                            f"core/{layer}/ may include only {', '.join(allowed[layer])} "
                            f"(the dependency rule in core/CMakeLists.txt)")
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
