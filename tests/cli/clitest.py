# clitest.py: what the command-line tests share: running greenassess-cli,
# checking its exit status and output, and TAP output for meson
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A test script is run as SCRIPT PATH/TO/greenassess-cli [ARGS…]; it adds
# cases with @case("name") and ends with sys.exit(main()).

import os
import shutil
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])
# A valid 统一社会信用代码 (GB 32100-2015) for the enterprises the tests add.
CODE = "91350100M000100Y43"
TMP = tempfile.mkdtemp(prefix="ga-" + os.path.basename(sys.argv[0]).replace(".py", "") + "-")

results = []


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    env.setdefault("LANGUAGE", "en")
    if env_extra:
        env.update(env_extra)
    proc = subprocess.run([CLI] + list(args), capture_output=True, env=env, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def case(name):
    def wrap(func):
        results.append((name, func))
        return func
    return wrap


def check(cond, what, out="", err=""):
    if not cond:
        raise AssertionError("%s\n--- stdout ---\n%s--- stderr ---\n%s" % (what, out, err))


def expect(args, code, out_has=(), err_has=(), out_lacks=(), env_extra=None):
    rc, out, err = run(*args, env_extra=env_extra)
    check(rc == code, "exit status %d, expected %d for %r" % (rc, code, args), out, err)
    for s in out_has:
        check(s in out, "stdout lacks %r" % s, out, err)
    for s in out_lacks:
        check(s not in out, "stdout has %r" % s, out, err)
    for s in err_has:
        check(s in err, "stderr lacks %r" % s, out, err)
    return out, err


def main():
    print("1..%d" % len(results))
    failed = 0
    for i, (name, func) in enumerate(results, 1):
        try:
            func()
            print("ok %d - %s" % (i, name))
        except Exception as e:  # an unexpected exception fails the case, not the run
            failed += 1
            print("not ok %d - %s" % (i, name))
            for line in str(e).splitlines():
                print("# " + line)
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0
