#!/usr/bin/env python3
"""The core's dependency rule holds, and a wrong-direction include fails the build.

Usage: check_layers_test.py SOURCE_DIR RULE...  (the rules core/CMakeLists.txt passes)
"""
import os
import subprocess
import sys
import tempfile

source, rules = sys.argv[1], sys.argv[2:]
check = [sys.executable, os.path.join(source, "scripts", "check_layers.py")]

real = subprocess.run(check + [os.path.join(source, "core")] + rules, capture_output=True, text=True)
assert real.returncode == 0, "the core breaks its own rule:\n" + real.stderr

with tempfile.TemporaryDirectory() as tmp:
    for layer in ("text", "formats"):
        os.makedirs(os.path.join(tmp, layer))
    with open(os.path.join(tmp, "formats", "json_input.hpp"), "w") as f:
        f.write("#pragma once\n")
    with open(os.path.join(tmp, "text", "utf8.hpp"), "w") as f:
        f.write('#pragma once\n#include <string>\n\n#include "core/formats/json_input.hpp"\n')
    wrong = subprocess.run(check + [tmp] + rules, capture_output=True, text=True)
    assert wrong.returncode != 0, "a text/ file including formats/ was accepted"
    expected = "core/text/utf8.hpp:4: includes core/formats/, but core/text/ may include only text"
    assert expected in wrong.stderr, "unclear message: " + wrong.stderr

print("1 passed, 0 failed")
