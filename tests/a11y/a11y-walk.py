#!/usr/bin/python3
"""a11y-walk.py: what a screen reader hears of every Vigil screen.

Runs the real `vigil` program with the accessibility bridge on, drives it
to each page, dialog and editor with real key presses (AT-SPI's
generate_keyboard_event, which goes through XTest on X11) and with the
accessible actions a screen reader itself runs ("click"), and on each
screen walks the tree of accessible objects that AT-SPI publishes. Every
interactive element drawn on screen must have a name that says something;
one that does not is an offender, printed as

    page: role 'name' (path in the tree, where on screen) [why]

and each page with offenders is a failed TAP test. The widget tests run
with GTK_A11Y=test and NO_AT_BRIDGE=1, which hide exactly these problems,
so this test has to run the program itself.

The rules (what counts as interactive, as drawn, and as a name that says
nothing) are in vigil_atspi.py beside this file.

Usage (the test command runs it under dbus-run-session and Xvfb):
    a11y-walk.py --vigil build/app/gui/vigil --cli build/app/cli/vigil-cli \\
                 --xshot build/tests/a11y/vigil-test-xshot \\
                 [--screenshots DIR] [--report FILE] [--only WORD...]

SPDX-License-Identifier: GPL-3.0-or-later
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback

# Before gi.repository: it says which versions of Atspi and Gdk to load.
from vigil_atspi import (APPEAR_TIMEOUT, LIBRARY, START_TIMEOUT, FocusTracker, StepFailed,
                         activate, build, build_once, check, find, find_in, is_interactive, keys,
                         log, owner, prepare_session_bus, subtree_has_label, wait_for)

from gi.repository import Atspi  # noqa: E402

PASSPHRASE = 'a11y walk passphrase, long enough'


# ---------------------------------------------------------------------------
# The program

class Vigil:
    """One run of the vigil program on one vault."""

    def __init__(self, walk, vault):
        env = dict(os.environ)
        # What the widget tests set to keep AT-SPI away is what this test
        # needs on. A warning does not end the program here: the other
        # widget tests catch warnings, this one names.
        for var in ('GTK_A11Y', 'NO_AT_BRIDGE', 'G_DEBUG', 'MALLOC_CHECK_'):
            env.pop(var, None)
        env.update({
            'LC_ALL': 'C.UTF-8',
            'LANGUAGE': 'C',
            'HOME': walk.home,
            'XDG_CONFIG_HOME': os.path.join(walk.home, 'config'),
            'XDG_DATA_HOME': os.path.join(walk.home, 'data'),
            'XDG_CACHE_HOME': os.path.join(walk.home, 'cache'),
            'GTK_USE_PORTAL': '0',
            # Like the other widget tests: settings in memory, and the
            # build's compiled schemas (build/resources beside build/app).
            'GSETTINGS_BACKEND': 'memory',
        })
        env.setdefault('GSETTINGS_SCHEMA_DIR', os.path.join(
            os.path.dirname(os.path.abspath(walk.args.vigil)), '..', '..', 'resources'))
        self.log = open(walk.program_log, 'a')
        self.log.write(f'--- vigil --vault {vault}\n')
        self.log.flush()
        self.proc = subprocess.Popen([walk.args.vigil, '--vault', vault], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.app = None

    def start(self):
        def ready():
            if self.proc.poll() is not None:
                raise StepFailed(f'vigil ended at start with status {self.proc.returncode}')
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                a = desktop.get_child_at_index(i)
                if a is not None and a.get_process_id() == self.proc.pid:
                    self.app = a
            return self.app is not None and self.windows()
        wait_for('the vigil window on the accessibility bus', ready, START_TIMEOUT)

    def windows(self):
        """The program's windows on screen. (GTK 4.8 does not always mark a
        window it maps "showing", and shows some as fillers: every visible
        child of the application counts.)"""
        if self.proc.poll() is not None:
            raise StepFailed(f'vigil ended with status {self.proc.returncode}')
        found = []
        for i in range(self.app.get_child_count()):
            w = self.app.get_child_at_index(i)
            if w is None:
                continue
            if w.get_state_set().contains(Atspi.StateType.VISIBLE):
                found.append(w)
        return found

    def main_window(self):
        return wait_for('the main window', lambda: next(
            (w for w in self.windows() if w.get_name() == 'Vigil'), None))

    def window_paths(self):
        return {w.path for w in self.windows()}

    def new_window(self, before, what, timeout=APPEAR_TIMEOUT):
        """The window that was not there in @before (a window_paths())."""
        def look():
            for w in self.windows():
                if w.path not in before:
                    return w
            return None
        return wait_for(f'{what} to open', look, timeout)

    def closed(self, window, what, timeout=APPEAR_TIMEOUT):
        wait_for(f'{what} to close', lambda: window.path not in self.window_paths(), timeout)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()


# ---------------------------------------------------------------------------
# The walk and its report

class Walk:
    def __init__(self, args):
        self.args = args
        self.report = []
        self.tmp = tempfile.mkdtemp(prefix='vigil-a11y-')
        self.home = os.path.join(self.tmp, 'home')
        os.makedirs(self.home)
        self.program_log = os.path.join(self.tmp, 'vigil.log')
        os.makedirs(args.screenshots, exist_ok=True)
        self.tap_number = 0
        self.failures = 0
        self.walked = set()
        self.library_used = set()
        self.by_file = {}       # file -> page -> offenders
        self.focus = FocusTracker()
        self.demo_vault = os.path.join(self.tmp, 'demo.vigil')
        self.export_file = os.path.join(self.tmp, 'cases.json')
        self.monitor_answered = False

    def cleanup(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def make_vault(self):
        """A vault with fictional cases, and an export of it to import."""
        passphrase_file = os.path.join(self.tmp, 'passphrase')
        with open(os.open(passphrase_file, os.O_WRONLY | os.O_CREAT, 0o600), 'w') as f:
            f.write(PASSPHRASE + '\n')
        for command in (['demo', '--init', '--kdf=interactive', '--cases=3'],
                        ['export', '--out', self.export_file]):
            subprocess.run([self.args.cli] + command + ['--vault', self.demo_vault,
                                                        '--passphrase-file', passphrase_file],
                           check=True, timeout=120, stdout=subprocess.DEVNULL)

    def wanted(self, page):
        return not self.args.only or any(o in page for o in self.args.only)

    def screenshot(self, page):
        name = 'a11y-' + re.sub(r'[^a-z0-9]+', '-', page.lower()).strip('-') + '.png'
        path = os.path.join(self.args.screenshots, name)
        try:
            subprocess.run([self.args.xshot, path], check=True, timeout=20)
            return path
        except (subprocess.SubprocessError, OSError) as e:
            log(f'no screenshot of {page}: {e}')
            return None

    def tap(self, ok, text, directive=''):
        self.tap_number += 1
        if not ok and not directive:
            self.failures += 1
        line = f"{'ok' if ok else 'not ok'} {self.tap_number} - {text}"
        if directive:
            line += f' # {directive}'
        print(line, flush=True)

    def library_reason(self, page, n):
        for index, (page_pattern, test, why) in enumerate(LIBRARY):
            if re.search(page_pattern, page) and test(n):
                self.library_used.add(index)
                return why
        return None

    def page(self, page, window_acc, subtree=None):
        """Walks one screen and reports it. @subtree picks a part of
        @window_acc to walk (a popover in it)."""
        if page in self.walked or not self.wanted(page):
            return
        self.walked.add(page)
        root = build(window_acc)
        shot = self.screenshot(page)
        if subtree is not None:
            root = find_in(root, predicate=subtree)
            if root is None:
                raise StepFailed(f'{page}: the part to walk is not drawn')
        offenders, fine, count = check(root)
        failing, todo = [], []
        for n, problem in offenders:
            why = self.library_reason(page, n)
            if why:
                todo.append((n, problem, why))
            else:
                failing.append((n, problem))
        head = f'== {page}: {count} interactive elements, {len(failing)} offenders'
        if todo:
            head += f', {len(todo)} inside library widgets'
        if shot:
            head += f' (screenshot {os.path.basename(shot)})'
        lines = [head]
        for n, problem in failing:
            file = owner(page, n)
            self.by_file.setdefault(file, {}).setdefault(page, 0)
            self.by_file[file][page] += 1
            lines.append(f"{page}: {n.role_name} '{n.name}' ({n.path()}) [{problem}; "
                         f'in {file}]')
        for n, problem, why in todo:
            lines.append(f"{page}: {n.role_name} '{n.name}' ({n.path()}) [{problem}; "
                         f'TODO, inside a library widget: {why}]')
        for line in lines[1:]:
            log(line)
        for n, why in fine:
            lines.append(f"{page}: accepted: {n.role_name} '{n.name}' ({n.path()}): {why}")
        # Every name, so a person can judge whether it says what the
        # control does and to whom, which no rule can.
        lines.append(f'{page}: what is read, in order:')
        lines.extend(f"    {n.role_name} '{n.name}'" for n in root.walk()
                     if n is not root and is_interactive(n))
        self.report.extend(lines + [''])
        if failing:
            self.tap(False, f'{page}: {len(failing)} of {count} interactive elements '
                            'have no meaningful name')
        else:
            own = count - len(todo)
            if own == 0:
                text = f'{page}: no interactive element of Vigil\'s own to name'
            else:
                text = f"{page}: all {own} of Vigil's own interactive elements are named"
            if todo:
                text += f' ({len(todo)} more inside library widgets)'
            self.tap(True, text)
        if todo:
            self.tap(False, f'{page}: {len(todo)} unnamed elements inside GTK or '
                            'libadwaita widgets', "TODO not Vigil's to name")

    def not_reached(self, page, reason):
        self.walked.add(page)
        self.report.extend([f'== {page}: NOT REACHED: {reason}', ''])
        log(f'{page}: not reached: {reason}')
        self.tap(False, f'{page}: not reached: {reason.strip().splitlines()[-1]}')

    def scenario(self, steps, vault, pages):
        """Runs @steps (a function of the Walk and a started Vigil) in a vigil
        program of its own. @pages are the pages it walks: the ones not
        walked when a step fails fail with it."""
        if not any(self.wanted(p) for p in pages):
            return
        log(f'scenario: {steps.__doc__.strip().splitlines()[0]}')
        vigil = Vigil(self, vault)
        try:
            vigil.start()
            steps(self, vigil)
            reason = None
        except StepFailed as e:
            reason = str(e)
        except Exception:  # a fault of the walk itself: report it, go on
            reason = traceback.format_exc()
        finally:
            vigil.stop()
        missing = [p for p in pages if p not in self.walked and self.wanted(p)]
        if reason is None and missing:
            reason = 'the scenario ended without walking it'
        for i, p in enumerate(missing):
            self.not_reached(p, reason if i == 0 else
                             f'an earlier screen of its scenario failed: {reason}')

    def write_report(self):
        with open(self.args.report, 'w') as f:
            f.write("What a screen reader hears of Vigil: the interactive elements without "
                    "a meaningful name,\nas \"page: role 'name' (named ancestors > #child "
                    "indices from the window; where drawn) [why]\".\n"
                    'Written by tests/a11y/a11y-walk.py; screenshots beside this file.\n\n')
            f.write('\n'.join(self.report) + '\n')
            if self.by_file:
                f.write('Offenders by the file that names them, and page:\n')
                for file in sorted(self.by_file):
                    pages = self.by_file[file]
                    f.write(f'  {file}: ' + ', '.join(f'{p} {c}' for p, c in pages.items())
                            + '\n')
                f.write('\n')
            unused = [LIBRARY[i] for i in range(len(LIBRARY)) if i not in self.library_used]
            if unused and not self.args.only:
                f.write('Library exceptions that matched nothing (remove them):\n')
                for page, _, why in unused:
                    f.write(f'  pages /{page}/: {why}\n')
            if os.path.exists(self.program_log):
                with open(self.program_log) as program_log:
                    f.write('\nWhat vigil printed:\n' + program_log.read())
        log(f'report: {self.args.report}')


# ---------------------------------------------------------------------------
# The screens, scenario by scenario

MONITOR = 'A11y Walk Monitor'


def unlock(walk, vigil):
    """Unlocks the demo vault. vigil-cli made its key slot with no monitor's
    name, so the first unlock asks who is monitoring (a dialog presented
    with the cases list): the walk walks that question and answers it as a
    person would, a name and Enter. The later scenarios, on the same vault,
    are not asked again."""
    win = vigil.main_window()
    find(win, 'the passphrase field', role='TEXT|PASSWORD_TEXT', name='Passphrase')
    walk.page('unlock page', win)
    before = vigil.window_paths()
    keys('type:' + PASSPHRASE)
    keys('Return')
    if not walk.monitor_answered:
        question = vigil.new_window(before, 'the question of who is monitoring',
                                    START_TIMEOUT)
        find(question, "the monitor's name field", role='TEXT|ENTRY', name='.*Name.*')
        walk.page('who is monitoring', question)
        keys('type:' + MONITOR)
        keys('Return')
        vigil.closed(question, 'the question of who is monitoring')
        walk.monitor_answered = True
    find(win, 'the cases list after unlocking', START_TIMEOUT,
         role='LIST_ITEM', under='VigilCasesPage', name='.+')
    return win


def open_first_case(walk, vigil, win):
    """Opens the first case of the list: Ctrl+F, its reference, Enter."""
    root = build_once(win)
    case = find_in(root, role='LIST_ITEM', name='.+', under='VigilCasesPage')
    if case is None:
        raise StepFailed('no case in the list')
    keys('ctrl+f')
    find(win, 'the search field of the cases list', role='ENTRY|TEXT', under='VigilCasesPage',
         predicate=lambda n: 'focused' in n.states)
    # The row reads the reference, then the stage, court and counts; the
    # search matches the reference.
    reference = case.name.split(',')[0]
    keys('type:' + reference)
    # GtkListView's item and the row inside it are both named: the item
    # reads the whole row, the row its reference.
    find(win, f'the case {reference} alone in the list', predicate=lambda n: n.role == 'LIST'
         and {c.name.split(',')[0] for c in n.walk()
              if c.role == 'LIST_ITEM' and c.name} == {reference})
    keys('Return')
    find(win, 'the case page', role='PUSH_BUTTON', name='(?i).*add.*person.*', under='VigilCasePage')
    return case.name


def dialog(walk, vigil, page, action, close='Escape', what=None):
    """Opens a window with @action (keys, or a node to click), walks it as
    @page, and closes it with @close."""
    before = vigil.window_paths()
    if isinstance(action, str):
        keys(action)
    else:
        activate(action, what or page)
    window = vigil.new_window(before, what or page)
    walk.page(page, window)
    if close:
        keys(close)
        vigil.closed(window, what or page)
    return window


def scenario_create(walk, vigil):
    """The unlock page offering to create a vault"""
    win = vigil.main_window()
    find(win, 'the create form', role='TEXT|PASSWORD_TEXT', name='Confirm.*')
    walk.page('unlock page (create a vault)', win)


def scenario_window(walk, vigil):
    """The cases list and sidebar, the main menu, Preferences, the shortcuts
    window, About, the new case editor, export and import"""
    win = unlock(walk, vigil)
    walk.page('cases list and sidebar', win)

    dialog(walk, vigil, 'new case editor', 'ctrl+n')

    keys('F10')
    find(win, 'the main menu', role='MENU_ITEM', name='.*Preferences.*')
    walk.page('main menu', win, subtree=lambda n: n.role in ('MENU', 'POPUP_MENU'))
    keys('Escape')

    dialog(walk, vigil, 'preferences', 'ctrl+comma')
    dialog(walk, vigil, 'shortcuts window', 'ctrl+question')

    keys('F10')
    about = find(win, 'the About item of the main menu', role='MENU_ITEM', name='.*About.*')
    dialog(walk, vigil, 'about', about, what='the About window')

    question = dialog(walk, vigil, 'export: the question', 'ctrl+e', close=None)
    find(question, 'the export question', role='PUSH_BUTTON', name='.*Pseudonyms.*')
    before = vigil.window_paths() - {question.path}
    keys('Return')
    chooser = vigil.new_window(before | {question.path}, 'the export file chooser')
    walk.page('export: file chooser', chooser)
    keys('Escape')
    vigil.closed(chooser, 'the export file chooser')

    chooser = dialog(walk, vigil, 'import: file chooser', 'ctrl+i', close=None)
    before = vigil.window_paths()
    keys('ctrl+l')
    keys('type:' + walk.export_file)
    keys('Return')
    confirmation = vigil.new_window(before, 'the import confirmation')
    find(confirmation, 'the import question', role='PUSH_BUTTON', name='.*Import.*')
    walk.page('import: the confirmation', confirmation)
    keys('Escape')
    vigil.closed(confirmation, 'the import confirmation')


def scenario_standards(walk, vigil):
    """The Standards section, a standard opened, and the window of a source"""
    win = unlock(walk, vigil)
    # The sidebar's Standards row, by keyboard: Tab to it, Enter.
    walk.focus.tab_to('the Standards row of the sidebar',
                      lambda acc: acc.get_role() == Atspi.Role.LIST_ITEM
                      and subtree_has_label(acc, 'Standards'))
    keys('Return')
    find(win, 'the Standards page', role='LIST_ITEM', under='VigilStandardsPage')
    walk.page('standards', win)

    # The first standard, opened with the keyboard.
    root = build_once(win)
    first = find_in(root, role='LIST_ITEM', under='VigilStandardsPage',
                    predicate=lambda n: 'focusable' in n.states)
    walk.focus.tab_to('the first standard',
                      lambda acc: acc.path == first.acc.path or any(
                          acc.path == c.acc.path for c in first.walk()))
    keys('Return')
    read = find(win, "a source's button", role='PUSH_BUTTON', name='.*Read.*',
                under='VigilStandardsPage')
    walk.page('standards: a standard opened', win)
    dialog(walk, vigil, 'source window', read, what='the source window')


def scenario_protection(walk, vigil):
    """The Protection section: this week's agenda, its filters and buttons"""
    win = unlock(walk, vigil)
    walk.focus.tab_to('the Protection row of the sidebar',
                      lambda acc: acc.get_role() == Atspi.Role.LIST_ITEM
                      and subtree_has_label(acc, 'Protection'))
    keys('Return')
    find(win, 'the Protection page', role='PUSH_BUTTON', name='Show Today',
         under='VigilProtectionPage')
    walk.page('protection', win)
def scenario_reports(walk, vigil):
    """The Reports section, its options, and a report built and checked"""
    win = unlock(walk, vigil)
    walk.focus.tab_to('the Reports row of the sidebar',
                      lambda acc: acc.get_role() == Atspi.Role.LIST_ITEM
                      and subtree_has_label(acc, 'Reports'))
    keys('Return')
    find(win, 'the build button', role='PUSH_BUTTON', name='Build a preview of the report',
         under='VigilReportsPage')
    walk.page('reports', win)
    # Ctrl+Return builds from anywhere on the page; the verdict comes when
    # the report has been read back.
    keys('ctrl+Return')
    find(win, "the leak check's verdict", role='LABEL', name='Checked.*',
         under='VigilReportsPage', timeout=60)
    walk.page('reports: a report built and checked', win)


def person_buttons(win, pseudonym):
    """The reveal and edit buttons of the person @pseudonym on the case page."""
    root = build_once(win)
    row = find_in(root, role='LIST_ITEM', name=re.escape(pseudonym) + '.*',
                  under='VigilCasePage')
    if row is None:
        raise StepFailed(f'no row for {pseudonym} on the case page')
    buttons = [n for n in row.walk() if n.role == 'PUSH_BUTTON']
    reveal = next((b for b in buttons if re.search('(?i)reveal', b.name)), None)
    edit = next((b for b in buttons if re.search('(?i)edit', b.name)), None)
    # Until they have names: the edit button comes first, then reveal.
    if edit is None and len(buttons) >= 2:
        edit = buttons[0]
    if reveal is None and len(buttons) >= 2:
        reveal = buttons[1]
    if reveal is None or edit is None:
        raise StepFailed(f"the reveal and edit buttons of {pseudonym} are not drawn")
    return reveal, edit


def scenario_case(walk, vigil):
    """A case, its editors, and a person whose identity is revealed"""
    win = unlock(walk, vigil)
    open_first_case(walk, vigil, win)
    walk.page('case', win)

    root = build_once(win)
    edit = find_in(root, role='PUSH_BUTTON', name='(?i).*edit.*', under='VigilCasePage')
    dialog(walk, vigil, 'case editor (edit)', edit, what='the case editor')
    add = find(win, 'the Add Person button', role='PUSH_BUTTON', name='(?i).*add.*person.*')
    dialog(walk, vigil, 'person editor (new)', add, what='the new person editor')
    add = find(win, 'the Add Hearing button', role='PUSH_BUTTON', name='(?i).*add.*hearing.*')
    dialog(walk, vigil, 'hearing editor (new)', add, what='the new hearing editor')

    # The first victim-witness: V-01 in the demo cases.
    pseudonym = 'V-01'
    reveal, edit = person_buttons(win, pseudonym)
    dialog(walk, vigil, 'person editor (edit)', edit, what=f'the editor of {pseudonym}')

    reveal, edit = person_buttons(win, pseudonym)
    confirmation = dialog(walk, vigil, 'reveal: the confirmation', reveal, close=None,
                          what=f'the confirmation to reveal {pseudonym}')
    yes = find(confirmation, 'the Reveal button', role='PUSH_BUTTON', name='.*Reveal.*')
    activate(yes, 'the Reveal button')
    vigil.closed(confirmation, 'the confirmation')
    # Revealed, the person's row shows the identity, in rows of its own.
    find(win, 'the revealed identity', role='LIST_ITEM', name='Full Name.*',
         under='VigilCasePage')
    walk.page('person with identity revealed', win)


def scenario_hearing(walk, vigil):
    """A hearing, its editor, and live mode"""
    win = unlock(walk, vigil)
    open_first_case(walk, vigil, win)
    # A hearing's row says when it is ("Fri 6 Mar 2026, 09:30").
    first = find_in(build_once(win), role='LIST_ITEM', under='VigilCasePage',
                    name=r'.*\b\d{1,2} \w{3} \d{4}, \d{1,2}:\d{2}.*')
    if first is None:
        raise StepFailed('no hearing on the case page')
    walk.focus.tab_to(f"the hearing '{first.name}'", lambda acc: acc.path == first.acc.path)
    keys('Return')
    live = find(win, 'the hearing page', role='PUSH_BUTTON', name='(?i).*live.*',
                under='VigilHearingPage')
    walk.page('hearing', win)

    root = build_once(win)
    edit = find_in(root, role='PUSH_BUTTON', name='(?i).*edit.*', under='VigilHearingPage')
    if edit is None:
        raise StepFailed("the hearing page's Edit button is not drawn")
    dialog(walk, vigil, 'hearing editor (edit)', edit, what='the hearing editor')

    live = find(win, 'the Live Mode button', role='PUSH_BUTTON', name='(?i).*live.*',
                under='VigilHearingPage')
    dialog(walk, vigil, 'live mode', live, close='ctrl+w', what='the live mode window')


SCENARIOS = [
    (scenario_create, 'new', ['unlock page (create a vault)']),
    (scenario_window, 'demo', ['unlock page', 'who is monitoring', 'cases list and sidebar',
                               'new case editor',
                               'main menu', 'preferences', 'shortcuts window', 'about',
                               'export: the question', 'export: file chooser',
                               'import: file chooser', 'import: the confirmation']),
    (scenario_standards, 'demo', ['standards', 'standards: a standard opened',
                                  'source window']),
    (scenario_protection, 'demo', ['protection']),
    (scenario_reports, 'demo', ['reports', 'reports: a report built and checked']),
    (scenario_case, 'demo', ['case', 'case editor (edit)', 'person editor (new)',
                             'hearing editor (new)', 'person editor (edit)',
                             'reveal: the confirmation', 'person with identity revealed']),
    (scenario_hearing, 'demo', ['hearing', 'hearing editor (edit)', 'live mode']),
]


def run(walk):
    walk.make_vault()
    for steps, vault, pages in SCENARIOS:
        path = walk.demo_vault if vault == 'demo' else os.path.join(walk.tmp, 'new.vigil')
        walk.scenario(steps, path, pages)
    walk.write_report()
    print(f'1..{walk.tap_number}', flush=True)
    return 1 if walk.failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--vigil', required=True, help='the vigil program')
    parser.add_argument('--cli', required=True, help='the vigil-cli program')
    parser.add_argument('--xshot', required=True, help='the vigil-test-xshot program')
    parser.add_argument('--screenshots', default=os.path.join(
        os.environ.get('VIGIL_SCREENSHOTS_DIR', 'screenshots'), 'a11y'))
    parser.add_argument('--report', help='where to write the report '
                        '(default: a11y-walk.txt among the screenshots)')
    parser.add_argument('--only', nargs='*', default=[],
                        help='walk only the pages whose name holds one of these')
    args = parser.parse_args()
    if args.report is None:
        args.report = os.path.join(args.screenshots, 'a11y-walk.txt')
    for var in ('DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        if not os.environ.get(var):
            print(f'Bail out! {var} is not set: run under dbus-run-session and Xvfb')
            return 1
    prepare_session_bus()
    walk = Walk(args)
    try:
        return run(walk)
    finally:
        walk.cleanup()


if __name__ == '__main__':
    sys.exit(main())
