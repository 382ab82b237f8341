#!/usr/bin/python3
# e2e.py APP DIR: drives the running application through the accessibility
# tree (AT-SPI), the way a screen reader or a keyboard user does: a new
# enterprise (Ctrl+N, typed fields, Save), a new assessment
# (Ctrl+Shift+N, Enter), an answer, undo and redo from the keyboard, the
# database checked behind the scenes, and Ctrl+Q. Prints TAP.
#
# Copyright 2026 The GreenAssess authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

APP, DIR = sys.argv[1], sys.argv[2]
DB = os.path.join(DIR, 'e2e.db')
os.makedirs(DIR, exist_ok=True)
for suffix in ('', '-wal', '-shm'):
    if os.path.exists(DB + suffix):
        os.remove(DB + suffix)
STEPS = []


def step(name):
    def wrap(fn):
        STEPS.append((name, fn))
        return fn
    return wrap


def walk(node):
    yield node
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child)


def visible(node):
    # GTK 4.8 reports no SHOWING state; widgets on hidden stack pages are
    # VISIBLE but have no size.
    if not node.get_state_set().contains(Atspi.StateType.VISIBLE):
        return False
    try:
        return node.get_extents(Atspi.CoordType.WINDOW).width > 0
    except Exception:
        return False


def wait(predicate, what, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = predicate()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError('timed out waiting for ' + what)


def settle():
    # GTK 4.8's accessibility bridge answers GetChildAtIndex for a widget
    # that has just left its window with a reference it cannot build
    # (g_variant_new_object_path (NULL)) and the application crashes. No
    # user does that; a walk of the whole tree while a dialog closes and
    # the window behind it rebuilds its pages can, so the walks wait for
    # the window to settle first.
    time.sleep(1.0)


def application():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == 'greenassess':
            return app
    return None


def frame(title):
    app = application()
    if app is None:
        return None
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None and child.get_name() == title:
            return child
    return None


def find(root, role, name, exact=False):
    # A window can be missing for a moment while another one closes; the
    # caller's wait() asks again.
    if root is None:
        return None
    for node in walk(root):
        if node.get_role_name() != role or not visible(node):
            continue
        label = node.get_name() or ''
        if (label == name) if exact else (name in label):
            return node
    return None


def click(node):
    Atspi.Action.do_action(node, 0)


def keys(combo):
    """Presses a combination like 'ctrl+shift+z': the modifiers are locked,
    the key's keysym is pressed and released, the modifiers unlocked."""
    parts = combo.split('+')
    masks = {'ctrl': 1 << 2, 'shift': 1 << 0}
    mask = 0
    for part in parts[:-1]:
        mask |= masks[part]
    key = parts[-1]
    keysym = ord(key.upper() if 'shift' in parts[:-1] else key)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    time.sleep(0.3)


def answered_label():
    main = frame('GreenAssess')
    for node in walk(main):
        name = node.get_name() or ''
        # "24 of 60 items answered", then a line of met / partly met counts.
        first = name.split('\n')[0]
        if node.get_role_name() == 'label' and visible(node) and first.endswith('items answered'):
            return first
    return None


def db_count(sql):
    with sqlite3.connect(DB) as db:
        return db.execute(sql).fetchone()[0]


STATE = {}


@step('the application starts on an empty database')
def start():
    # The X server of xvfb-run can still be settling when the first client
    # connects; a start that dies at once is tried again.
    for attempt in range(3):
        STATE['proc'] = subprocess.Popen([APP, '--db', DB])
        time.sleep(1)
        if STATE['proc'].poll() is None:
            break
    main = wait(lambda: frame('GreenAssess'), 'the main window', 20)
    wait(lambda: find(main, 'push button', 'New Enterprise'), 'the empty state')


@step('Ctrl+N opens the enterprise dialog')
def new_enterprise():
    keys('ctrl+n')
    wait(lambda: frame('New Enterprise'), 'the enterprise dialog')


@step('a wrong credit code keeps Save insensitive, the right one enables it')
def fill_enterprise():
    dialog = frame('New Enterprise')
    name = wait(lambda: find(dialog, 'text', 'Name', exact=True), 'the name field')
    code = find(dialog, 'text', 'Unified social credit code', exact=True)
    save = find(dialog, 'push button', 'Save')
    Atspi.EditableText.set_text_contents(name, '闽江测试化工有限公司')
    Atspi.EditableText.set_text_contents(code, '91350100M000100Y40')
    time.sleep(0.3)
    assert not save.get_state_set().contains(Atspi.StateType.SENSITIVE), 'Save is sensitive with a wrong code'
    Atspi.EditableText.set_text_contents(code, '91350100M000100Y43')
    wait(lambda: save.get_state_set().contains(Atspi.StateType.SENSITIVE), 'Save to become sensitive')
    # The report's basic information: registration and contact details.
    for label, value in (('Postal code', '350001'), ('Fax', '0591-8888 0002'),
                         ('Registered capital (10⁴ CNY)', '5000'),
                         ('Founded (YYYY-MM-DD)', '2008-05-12')):
        field = find(dialog, 'text', label, exact=True)
        assert field is not None, 'no field ' + label
        Atspi.EditableText.set_text_contents(field, value)
    click(save)
    wait(lambda: frame('New Enterprise') is None, 'the dialog to close')
    settle()
    assert db_count("SELECT count(*) FROM enterprises WHERE credit_code = '91350100M000100Y43'") == 1
    assert db_count("SELECT count(*) FROM enterprises WHERE postal_code = '350001'"
                    " AND fax = '0591-8888 0002' AND registered_capital = 5000"
                    " AND founded_on = '2008-05-12'") == 1


@step('Ctrl+Shift+N and Create start an assessment')
def new_assessment():
    main = frame('GreenAssess')
    wait(lambda: find(main, 'label', '闽江测试化工有限公司'), 'the enterprise page')
    keys('ctrl+shift+n')
    dialog = wait(lambda: frame('New Assessment'), 'the new-assessment dialog')
    click(wait(lambda: find(dialog, 'push button', 'Create'), 'the Create button'))
    wait(lambda: frame('New Assessment') is None, 'the dialog to close')
    settle()
    wait(answered_label, 'the workspace summary')
    # Baselines and leading values found in the bundled reference table
    # count as given; nothing is stored as an answer yet.
    STATE['given'] = int(answered_label().split()[0])
    assert db_count('SELECT count(*) FROM answers') == 0
    assert db_count('SELECT count(*) FROM assessments') == 1


def answered_is(n):
    return (answered_label() or '').startswith('%d of' % n)


@step('answering an item updates the summary and the database')
def answer():
    main = frame('GreenAssess')
    # GTK 4.8 reports toggle buttons with the push button role.
    button = wait(lambda: find(main, 'push button', 'Compliant', exact=True)
                  or find(main, 'toggle button', 'Compliant', exact=True), 'a Compliant button')
    click(button)
    wait(lambda: answered_is(STATE['given'] + 1),
         'the summary to count the answer (it reads %r, %d answers stored)'
         % (answered_label(), db_count('SELECT count(*) FROM answers')))
    assert db_count('SELECT count(*) FROM answers') == 1


@step('Ctrl+Z undoes and Ctrl+Shift+Z redoes through the history')
def undo_redo():
    keys('ctrl+z')
    wait(lambda: answered_is(STATE['given']), 'undo to remove the answer')
    assert db_count('SELECT count(*) FROM answers') == 0
    keys('ctrl+shift+z')
    wait(lambda: answered_is(STATE['given'] + 1), 'redo to bring it back')
    assert db_count('SELECT count(*) FROM answers') == 1


@step('Ctrl+Q quits cleanly')
def quit_app():
    keys('ctrl+q')
    code = STATE['proc'].wait(timeout=10)
    assert code == 0, 'exit status %d' % code


def main():
    global print
    # TAP goes to the descriptor given with --tap-fd (run-e2e.sh), away from
    # what the accessibility daemons print on stdout.
    if len(sys.argv) > 4 and sys.argv[3] == '--tap-fd':
        tap = os.fdopen(int(sys.argv[4]), 'w')
        builtin_print = print

        def print(*args, **kwargs):
            kwargs['file'] = tap
            builtin_print(*args, **kwargs)
    print('1..%d' % len(STEPS), flush=True)
    failed = False
    for number, (name, fn) in enumerate(STEPS, 1):
        if failed:
            print('not ok %d - %s # skipped after a failure' % (number, name), flush=True)
            continue
        try:
            fn()
            print('ok %d - %s' % (number, name), flush=True)
        except Exception as error:  # report, then stop the app
            failed = True
            print('not ok %d - %s' % (number, name), flush=True)
            print('# %s' % error, flush=True)
    proc = STATE.get('proc')
    if proc is not None and proc.poll() is None:
        proc.terminate()
        proc.wait()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
