"""vigil_atspi.py: the AT-SPI side of a11y-walk.py: real input, the tree of
accessible objects a screen reader reads, and the rules its names must meet.

Interactive: push and toggle buttons, check boxes, radio buttons, menu
items, combo boxes, list items, text entries (plain and password), spin
buttons, sliders, links, tabs, tree items and table cells, when the element
can take the focus, can be selected, or offers an action. (An element that
can do none of these, like the box GtkMenuButton wraps around its real
button, is never where a screen reader lands.) The window itself is checked
too: its name is the title a screen reader reads when it opens.

Drawn: GTK 4.8 marks widgets "visible" but never "showing", and keeps the
last size of the pages of a stack that are not shown. So an element is
drawn when it and all its parents are visible and have a size, and, for
each stack on the way, when the page holding it is the one hit at that
page's centre (Component.GetAccessibleAtPoint). Elements scrolled out of
view are drawn: a screen reader reaches them.

A name says nothing when it is
- empty, or only white space;
- a class name ("GtkImage", "GtkButton", "AdwGizmo"): GTK 4.8 sends the
  class name when a widget has no name at all, and that is what is read;
- holding a mnemonic underscore ("_Save", "Add _Person"): it is read out;
- one label said twice ("Save Save", "_Add a Case Add a Case"): GTK 4.8
  joins a button's own label with the label inside it.

Accepted, and listed in the report as such:
- an empty name with a "labelled-by" relation to an element whose name says
  something: a screen reader reads that label. (A class name is not saved
  by a relation: GTK 4.8 sends the class name, and that is what is read.)
- a list item with an empty name around exactly one list item whose name
  says something: GtkListView's item widget around a row. GTK 4.8 cannot
  name it (gtk_list_item_set_accessible_label came in 4.12), and screen
  readers read the row inside.
A description alone never saves an element: it is read after the name, as
extra help; the name is what is announced on focus.

Elements that GTK or libadwaita build inside their own widgets, which Vigil
cannot name without reaching into them (LIBRARY below), are TAP TODO: they
are printed and reported, and do not fail the run.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import os
import re
import time

import gi

gi.require_version('Atspi', '2.0')
gi.require_version('Gdk', '4.0')
from gi.repository import Atspi, Gdk, Gio, GLib  # noqa: E402

# Bounds: every wait ends, and a screen that never comes fails its page.
APPEAR_TIMEOUT = 15.0     # a window, a page or an element to appear
START_TIMEOUT = 30.0      # the program to show its first window, an unlock
SETTLE_TIMEOUT = 10.0     # the tree to stop changing (transitions, loading)
WALK_TIMEOUT = 90.0       # one walk of one window
FOCUS_TIMEOUT = 1.0       # the focus to move after a Tab
MAX_TABS = 80             # Tabs to reach an element before giving up
POLL = 0.1

INTERACTIVE_ROLES = {
    'PUSH_BUTTON', 'PUSH_BUTTON_MENU', 'TOGGLE_BUTTON', 'CHECK_BOX', 'RADIO_BUTTON',
    'MENU_ITEM', 'CHECK_MENU_ITEM', 'RADIO_MENU_ITEM', 'COMBO_BOX', 'LIST_ITEM',
    'TEXT', 'ENTRY', 'PASSWORD_TEXT', 'SPIN_BUTTON', 'SLIDER', 'LINK', 'PAGE_TAB',
    'TREE_ITEM', 'TABLE_CELL',
}
WINDOW_ROLES = {'FRAME', 'DIALOG', 'WINDOW', 'ALERT', 'FILE_CHOOSER'}

CLASS_NAME = re.compile(r'^(Gtk|Adw|Vigil|Gdk|Gsk)[A-Z][A-Za-z0-9]*$')
# "_Save", "Add _Person", "Sa_ve": an underscore before a letter, at the
# start of a word or inside one. Ids written with underscores
# ("victim_rights_01") would match too; Vigil shows none.
MNEMONIC = re.compile(r'_[^\W_]')

# Offenders inside widgets that GTK or libadwaita build, out of Vigil's
# reach: (page pattern, test of the node, what and why). An exception that
# matched nothing is listed in the report, so that none outlives its reason.
def _doubled_mnemonic(n):
    words = n.name.split()
    half = len(words) // 2
    return n.role == 'PUSH_BUTTON' and len(words) % 2 == 0 and \
        ' '.join(words[:half]).replace('_', '') == ' '.join(words[half:])


LIBRARY = [
    (r'file chooser', lambda n: True,
     "GtkFileChooserDialog's own widgets (GTK 4.8): Vigil only opens the dialog"),
    (r'shortcuts window', lambda n: n.role == 'PUSH_BUTTON' and n.name == 'GtkImage',
     "GtkShortcutsWindow's own search button (GTK 4.8) has an icon and no name"),
    (r'about', lambda n: n.role == 'PUSH_BUTTON' and n.name == 'GtkButton',
     "AdwAboutWindow's own version button (libadwaita 1.2) has no name"),
    (r'the question|the confirmation', _doubled_mnemonic,
     "AdwMessageDialog's response buttons (libadwaita 1.2): GTK 4.8 names a button "
     "whose label has a mnemonic by that label and again by the label inside it, and "
     "the dialog builds the buttons itself"),
    (r'.', lambda n: n.role == 'LIST_ITEM' and not n.name.strip() and any(
        a.role == 'COMBO_BOX' and name_problem(a.name) is None for a in n.ancestors()),
     "the item that GtkDropDown or AdwComboRow shows its choice in (GTK 4.8's "
     "GtkListItemWidget, no way to name it); the combo box around it is named"),
]


# Where an offender is fixed: the Vigil widget class it lives in (GTK 4.8
# names a container without a name after its class), else the file of the
# page's window.
PAGE_FILES = [
    (r'unlock page', 'vigil-unlock-page'),
    (r'who is monitoring', 'vigil-monitor-dialog'),
    (r'cases list', 'vigil-window-vault.ui (sidebar)'),
    (r'main menu', 'vigil-window-vault.ui (main menu)'),
    (r'case editor', 'vigil-case-editor'),
    (r'person editor', 'vigil-person-editor'),
    (r'hearing editor', 'vigil-hearing-editor'),
    (r'preferences', 'vigil-preferences-window'),
    (r'shortcuts window', 'vigil-shortcuts-window.ui'),
    (r'about', 'vigil-application.c (About)'),
    (r'export|import', 'vigil-window-interchange'),
    (r'reveal: the confirmation', 'vigil-gui-util.c (confirm reveal)'),
    (r'source window', 'vigil-source-window'),
    (r'live mode', 'vigil-live-window'),
    (r'standards', 'vigil-window-vault.ui (sidebar)'),
    (r'case|person|hearing', 'vigil-window-vault.ui (sidebar)'),
]


def owner(page, n):
    for a in [n] + list(n.ancestors()):
        m = re.fullmatch(r'Vigil([A-Z]\w+)', a.name)
        if m:
            return 'vigil-' + re.sub(r'(?<!^)([A-Z])', r'-\1', m.group(1)).lower()
    for pattern, file in PAGE_FILES:
        if re.search(pattern, page):
            return file
    return 'unknown'


def log(message):
    print('# ' + str(message).replace('\n', '\n# '), flush=True)


class StepFailed(Exception):
    """A screen could not be reached: its page fails, the scenario stops."""


# ---------------------------------------------------------------------------
# The AT-SPI bus. The registry daemon synthesizes keys through XTest, so it
# needs DISPLAY, which a session bus started by dbus-run-session before Xvfb
# does not have: hand it over before anything starts the a11y bus.

def prepare_session_bus():
    env = {k: os.environ[k] for k in ('DISPLAY', 'XAUTHORITY') if k in os.environ}
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                  'UpdateActivationEnvironment', GLib.Variant('(a{ss})', (env,)),
                  None, Gio.DBusCallFlags.NONE, 5000, None)
    reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                          'org.freedesktop.DBus', 'NameHasOwner',
                          GLib.Variant('(s)', ('org.a11y.Bus',)), GLib.VariantType('(b)'),
                          Gio.DBusCallFlags.NONE, 5000, None)
    if reply.unpack()[0]:
        log('the accessibility bus was already running; if no key arrives, it was '
            'started without DISPLAY')


ROLE_NAMES = {getattr(Atspi.Role, n): n for n in dir(Atspi.Role) if n.isupper()}


def wait_for(what, predicate, timeout=APPEAR_TIMEOUT):
    """Polls @predicate until it returns something true; fails after @timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except GLib.Error as e:  # an object went away while we looked
            last_error = e
        if time.monotonic() > deadline:
            detail = f' (last error: {last_error.message})' if last_error else ''
            raise StepFailed(f'{what}: not within {timeout:.0f} s{detail}')
        time.sleep(POLL)


def pump(seconds):
    """Lets AT-SPI's events arrive for @seconds."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.iteration(False):
            pass
        time.sleep(0.01)


# ---------------------------------------------------------------------------
# Real input

MODIFIERS = {'ctrl': Gdk.ModifierType.CONTROL_MASK, 'shift': Gdk.ModifierType.SHIFT_MASK,
             'alt': Gdk.ModifierType.ALT_MASK}


def keys(spec):
    """Presses each key of @spec ("ctrl+n Escape Return"); "type:TEXT" types TEXT.

    The keys go to the window with the X input focus: GTK gives it to each
    window it presents, there being no window manager under Xvfb."""
    if spec.startswith('type:'):
        Atspi.generate_keyboard_event(0, spec[5:], Atspi.KeySynthType.STRING)
        pump(0.2)
        return
    for key in spec.split():
        *mods, name = key.split('+')
        mask = 0
        for m in mods:
            mask |= int(MODIFIERS[m])
        keyval = Gdk.keyval_from_name(name)
        if keyval == 0:
            raise ValueError(f'no key named {name}')
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
        try:
            Atspi.generate_keyboard_event(keyval, None, Atspi.KeySynthType.SYM)
        finally:
            if mask:
                Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
        pump(0.15)


def activate(node, what):
    """Runs the action of @node a screen reader runs ("click")."""
    acc = node.acc
    n = acc.get_n_actions()
    if n == 0:
        raise StepFailed(f'{what} has no action to run')
    names = [acc.get_action_name(i) for i in range(n)]
    for preferred in ('click', 'activate', 'press', 'toggle'):
        if preferred in names:
            acc.do_action(names.index(preferred))
            break
    else:
        acc.do_action(0)
    pump(0.3)


class FocusTracker:
    """Follows the focus as a screen reader does: by its events."""

    def __init__(self):
        self.focused = None
        self.listener = Atspi.EventListener.new(self.on_event)
        self.listener.register('object:state-changed:focused')

    def on_event(self, event):
        if event.detail1 == 1:
            self.focused = event.source

    def tab_to(self, what, predicate, key='Tab', max_tabs=MAX_TABS):
        """Presses @key until the focused element satisfies @predicate (a
        function of the element's Atspi accessible)."""
        seen = []
        for _ in range(max_tabs):
            self.focused = None
            keys(key)
            end = time.monotonic() + FOCUS_TIMEOUT
            while self.focused is None and time.monotonic() < end:
                pump(0.02)
            acc = self.focused
            if acc is None:
                continue
            try:
                if predicate(acc):
                    return acc
                seen.append(f"{acc.get_role_name()} '{acc.get_name()}'")
            except GLib.Error:
                continue
        raise StepFailed(f'{what}: not reached with {max_tabs} presses of {key} '
                         f'(focus went through {", ".join(seen[:12])}…)')


def subtree_has_label(acc, text, depth=6):
    """Whether a label reading @text is inside @acc, a few levels down."""
    if acc.get_role() == Atspi.Role.LABEL and acc.get_name() == text:
        return True
    if depth == 0:
        return False
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        if child is not None and subtree_has_label(child, text, depth - 1):
            return True
    return False


# ---------------------------------------------------------------------------
# The tree

class Node:
    __slots__ = ('acc', 'role', 'name', 'states', 'extents', 'index', 'parent', 'children')

    def __init__(self, acc, parent, index):
        self.acc = acc
        self.parent = parent
        self.index = index
        self.role = ROLE_NAMES.get(acc.get_role(), str(acc.get_role()))
        self.name = acc.get_name() or ''
        self.states = {s.value_nick for s in acc.get_state_set().get_states()}
        self.extents = None
        if acc.get_component_iface() is not None:
            e = acc.get_extents(Atspi.CoordType.WINDOW)
            self.extents = (e.x, e.y, e.width, e.height)
        self.children = []

    @property
    def role_name(self):
        return self.role.lower().replace('_', ' ')

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent

    def under(self, name_pattern):
        return any(re.fullmatch(name_pattern, a.name) for a in self.ancestors())

    def path(self):
        """The named ancestors (class names too: they tell which widget the
        element lives in), the child indices from the window, and where it
        is drawn, in the window's coordinates."""
        indices = []
        n = self
        while n.parent is not None:
            indices.append(str(n.index))
            n = n.parent
        named = [f"{a.role_name} '{a.name}'" for a in reversed(list(self.ancestors()))
                 if a.name and a.name != 'GtkStackPage']
        where = ''
        if self.extents:
            x, y, w, h = self.extents
            where = f'; at {x},{y} {w}x{h}'
        return ' > '.join(named + [f'#{"/".join(reversed(indices))}']) + where

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def signature(self):
        return [(n.acc.path, n.name, n.extents, tuple(sorted(n.states))) for n in self.walk()]


def chain_paths(acc, limit=64):
    """The D-Bus object paths from @acc up to its window."""
    paths = []
    while acc is not None and len(paths) < limit:
        paths.append(acc.path)
        acc = acc.get_parent()
    return paths


def shown_pages(window, stack, pages):
    """Which of the pages of @stack is drawn: the one whose child is hit at
    its centre. GTK keeps a hidden page's last size, so size cannot tell."""
    if stack.extents is None:
        return set(range(len(pages)))
    sx, sy, sw, sh = stack.extents
    shown = set()
    children = [inner for _, inner, _ in pages if inner is not None]
    for i, (_, inner, extents) in enumerate(pages):
        if inner is None or extents is None:
            continue
        x, y, w, h = extents
        x0, y0 = max(x, sx), max(y, sy)
        x1, y1 = min(x + w, sx + sw), min(y + h, sy + sh)
        if x1 <= x0 or y1 <= y0:
            continue
        hit = window.acc.get_accessible_at_point((x0 + x1) // 2, (y0 + y1) // 2,
                                                 Atspi.CoordType.WINDOW)
        if hit is None:
            shown.add(i)  # nothing answers there: keep it, to miss nothing
            continue
        paths = chain_paths(hit)
        if inner.path in paths:
            shown.add(i)
        elif not any(other.path in paths for other in children):
            shown.add(i)  # something outside the stack covers it: keep it
    return shown


def is_stack_page(acc):
    return (acc.get_name() or '') == 'GtkStackPage' and acc.get_component_iface() is None


def build_once(window_acc):
    window_acc.clear_cache()
    root = Node(window_acc, None, 0)
    deadline = time.monotonic() + WALK_TIMEOUT

    def visit(node):
        if time.monotonic() > deadline:
            raise StepFailed(f'walking the tree took more than {WALK_TIMEOUT:.0f} s')
        kids = []
        for i in range(node.acc.get_child_count()):
            child = node.acc.get_child_at_index(i)
            if child is not None:
                kids.append((i, child, is_stack_page(child)))
        pages = []
        for i, child, page in kids:
            if page:
                inner = child.get_child_at_index(0) if child.get_child_count() > 0 else None
                extents = None
                if inner is not None and inner.get_component_iface() is not None:
                    e = inner.get_extents(Atspi.CoordType.WINDOW)
                    extents = (e.x, e.y, e.width, e.height)
                pages.append((child, inner, extents))
        shown = shown_pages(root, node, pages) if pages else set()
        page_index = -1
        for i, child, page in kids:
            if page:
                page_index += 1
                if page_index not in shown:
                    continue
            c = Node(child, node, i)
            if 'visible' not in c.states:
                continue
            if c.extents is not None and (c.extents[2] <= 0 or c.extents[3] <= 0):
                continue
            node.children.append(c)
            visit(c)

    visit(root)
    return root


def build(window_acc):
    """The drawn part of the tree under @window_acc, once it stops changing."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    root = build_once(window_acc)
    while True:
        time.sleep(0.2)
        again = build_once(window_acc)
        if again.signature() == root.signature() or time.monotonic() > deadline:
            return again
        root = again


def find_in(root, role=None, name=None, under=None, predicate=None):
    """The first node under @root whose role and name match @role and @name
    (regular expressions), with an ancestor named @under, for which
    @predicate (a function of the node) is true."""
    for n in root.walk():
        if role is not None and not re.fullmatch(role, n.role):
            continue
        if name is not None and not re.fullmatch(name, n.name, re.S):
            continue
        if under is not None and not n.under(under):
            continue
        if predicate is not None and not predicate(n):
            continue
        return n
    return None


def find(window_acc, what, timeout=APPEAR_TIMEOUT, **kw):
    """The first drawn element of @window_acc that find_in() matches."""
    return wait_for(what, lambda: find_in(build_once(window_acc), **kw), timeout)


# ---------------------------------------------------------------------------
# The rules

def is_interactive(n):
    if n.role not in INTERACTIVE_ROLES:
        return False
    if n.role == 'TABLE_CELL':
        return bool(n.states & {'focusable', 'selectable'})
    if n.states & {'focusable', 'selectable'}:
        return True
    try:
        return n.acc.get_n_actions() > 0
    except GLib.Error:
        return False


def name_problem(name):
    """Why @name says nothing, or None when it says something."""
    stripped = name.strip()
    if not stripped:
        return 'no name'
    if CLASS_NAME.match(stripped):
        return 'a class name'
    if MNEMONIC.search(stripped):
        return 'a mnemonic underscore'
    words = stripped.replace('_', '').split()
    half = len(words) // 2
    if len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return 'a label said twice'
    return None


def labelled_by(n):
    """The names of the elements @n is labelled by."""
    names = []
    try:
        for relation in n.acc.get_relation_set() or []:
            if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
                for i in range(relation.get_n_targets()):
                    target = relation.get_target(i)
                    if target is not None:
                        names.append(target.get_name() or '')
    except GLib.Error:
        pass
    return names


def accepted(n, problem):
    """Why an element whose name says nothing is still read well, or None."""
    if problem != 'no name':
        return None
    good = [name for name in labelled_by(n) if name_problem(name) is None]
    if good:
        return f"labelled by '{good[0]}'"
    if n.role == 'LIST_ITEM' and len(n.children) == 1 and n.children[0].role == 'LIST_ITEM' \
            and name_problem(n.children[0].name) is None:
        return (f"GtkListView's item around the row '{n.children[0].name}', which is "
                'read (GTK 4.8 cannot name the item)')
    return None


def check(root):
    """(offenders, accepted, count) of a built tree: offenders and accepted
    are lists of (node, problem or reason)."""
    offenders, fine, count = [], [], 0
    for n in root.walk():
        if n is root and (n.role in WINDOW_ROLES or n.parent is None):
            problem = name_problem(n.name)
            if problem is not None:
                offenders.append((n, f'a window with {problem} as its title'))
            continue
        if not is_interactive(n):
            continue
        count += 1
        problem = name_problem(n.name)
        if problem is None:
            continue
        why = accepted(n, problem)
        if why:
            fine.append((n, why))
        else:
            offenders.append((n, problem))
    return offenders, fine, count
