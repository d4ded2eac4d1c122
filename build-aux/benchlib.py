# What build-aux/bench, bench-render, bench-startup, bench-reminder and
# bench-live-check share: building, a fresh home with the settings and state of someone who
# uses Untrain already, starting a program to its first frame, and
# measuring the reminder idle and the live check. Not a script of its own.

import datetime
import os
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), '..'))

# A private X server (no TCP) for the runs that draw.
XVFB_ARGS = ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24 -nolisten tcp']

FIRST_FRAME_TIMEOUT = 60

# Someone who has used Untrain for a while: setup done, LinkedIn chosen,
# reminders on, checked a moment ago, no account connected (so nothing
# goes to the network).
ESTABLISHED_SETTINGS = '''[io/github/untrain/Untrain]
first-run-done=true
country='DE'
age-group='adult'
platforms=['linkedin']
last-check=%(now)d
'''

# …who ticked off two items and sent the objection form two weeks ago.
ESTABLISHED_STATE = '''[linkedin/ai-training]
confirmed-at=%(confirmed)s

[linkedin/not-retroactive]
confirmed-at=%(confirmed)s

[linkedin/objection-form]
submitted-on=%(submitted)s
answer-due=%(due)s
'''


def run(command, **kwargs):
    subprocess.run(command, check=True, **kwargs)


def builddir(name):
    return os.path.join(ROOT, name)


def build(directory, targets=(), options=()):
    """Sets up @directory (with @options) unless it is, and compiles @targets
    (everything when empty)."""
    if not os.path.exists(os.path.join(directory, 'build.ninja')):
        run(['meson', 'setup', directory] + list(options), cwd=ROOT, stdout=subprocess.DEVNULL)
    else:
        # meson compile finds targets by what the last setup saw: after a
        # change to meson.build, regenerate first.
        run(['ninja', '-C', directory, 'build.ninja'], cwd=ROOT, stdout=subprocess.DEVNULL)
    run(['meson', 'compile', '-C', directory] + list(targets), cwd=ROOT, stdout=subprocess.DEVNULL)


def install_deps():
    run([os.path.join(ROOT, 'build-aux', 'install-deps'), '--test'])


def reexec_in_session(script, arguments, display=True):
    """Runs @script again with --measure and @arguments on a private D-Bus
    session bus, under a private X server when @display."""
    command = ['dbus-run-session', '--', sys.executable, os.path.abspath(script),
               '--measure'] + list(arguments)
    if display:
        command = XVFB_ARGS + command
    os.execvp(command[0], command)


def median_iqr(values):
    """(median, first quartile, third quartile)"""
    if len(values) < 2:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method='inclusive')
    return statistics.median(values), q1, q3


def make_home(parent, name, settings=None, state=True):
    """A new home of XDG folders in @parent, with @settings (a keyfile
    settings backend's text; the established ones by default) and the
    established state file when @state. Returns (home, environment)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    values = {
        'now': int(now.timestamp()),
        'confirmed': (now - datetime.timedelta(days=20)).strftime('%Y-%m-%dT%H:%M:%SZ'),
        'submitted': (now - datetime.timedelta(days=14)).strftime('%Y-%m-%d'),
        'due': (now + datetime.timedelta(days=16)).strftime('%Y-%m-%d'),
    }
    home = os.path.join(parent, name)
    for sub in ('config', 'state', 'data', 'cache', 'runtime'):
        os.makedirs(os.path.join(home, sub), mode=0o700)
    os.makedirs(os.path.join(home, 'config', 'glib-2.0', 'settings'))
    with open(os.path.join(home, 'config', 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
        f.write((settings if settings is not None else ESTABLISHED_SETTINGS) % values)
    if state:
        os.makedirs(os.path.join(home, 'state', 'untrain'), mode=0o700)
        with open(os.path.join(home, 'state', 'untrain', 'state.ini'), 'w') as f:
            f.write(ESTABLISHED_STATE % values)

    env = dict(os.environ,
               HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, 'config'),
               XDG_STATE_HOME=os.path.join(home, 'state'),
               XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CACHE_HOME=os.path.join(home, 'cache'),
               XDG_RUNTIME_DIR=os.path.join(home, 'runtime'),
               GSETTINGS_BACKEND='keyfile',
               LC_ALL='C.UTF-8',
               # Loopback needs no proxy, and the fake must not be reached through one.
               GIO_USE_PROXY_RESOLVER='dummy')
    for name in ('LANG', 'LANGUAGE', 'LC_MESSAGES', 'GSK_RENDERER', 'GTK_A11Y', 'NO_AT_BRIDGE',
                 'GTK_THEME', 'GTK_DEBUG', 'G_MESSAGES_DEBUG', 'LD_PRELOAD'):
        env.pop(name, None)
    return home, env


def app_env(directory, scratch, name, renderer, cold_cache=True):
    """make_home() for starting the `untrain` or the minimal window of the
    build in @directory, with GSK_RENDERER @renderer unless None. The cache
    folder, where Mesa keeps the shaders it compiled, is the home's own when
    @cold_cache, else one that all such homes in @scratch share."""
    home, env = make_home(scratch, name)
    if not cold_cache:
        env['XDG_CACHE_HOME'] = os.path.join(scratch, 'shared-cache')
    env['GSETTINGS_SCHEMA_DIR'] = os.path.join(directory, 'data')
    env['UNTRAIN_WINDOW_MODULE_DIR'] = os.path.join(directory, 'src', 'ui')
    env['UNTRAIN_LIVE_MODULE_DIR'] = os.path.join(directory, 'src', 'core')
    # As when the reminder runs already: Untrain does not start one.
    env['UNTRAIN_REMINDER_BINARY'] = os.path.join(scratch, 'no-reminder')
    if renderer:
        env['GSK_RENDERER'] = renderer
    return home, env


def run_child(argv, env, timeout, capture=True):
    """Runs @argv to its end; returns (standard output, wall seconds from
    just before the start, resource usage of the process). A process still
    running after @timeout seconds is killed and is an error."""
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    chunks = []
    if capture:
        deadline = start + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                process.kill()
                process.wait()
                raise TimeoutError('%s did not finish within %d s' % (argv[0], timeout))
            ready, _, _ = select.select([process.stdout], [], [], left)
            if ready:
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    break
                chunks.append(chunk)
        process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return b''.join(chunks).decode(), seconds, usage, process.returncode


def first_frame(argv, env, hook):
    """Starts @argv with @hook preloaded (see tests/bench-first-frame.c);
    returns a dict: ms (from just before the start to the first frame
    drawn), cpu_ms (the process's user and system time by then), first_kib
    (VmHWM then), peak_kib (maxrss over its life, which ends a second after
    that frame), renderer, webkit (mapped or not), and presented_ms,
    laid_out_ms, painted_ms: when the first window was presented, and when
    its frame clock first ended its layout and its paint phase."""
    env = dict(env, LD_PRELOAD=':'.join(filter(None, [env.get('LD_PRELOAD'), hook])))
    start_us = time.monotonic_ns() // 1000
    output, _, usage, _ = run_child(argv, env, FIRST_FRAME_TIMEOUT)
    result = {}
    for line in output.splitlines():
        words = line.split()
        if words[:1] == ['steps']:
            presented, laid_out, painted = (int(word) for word in words[1:4])
            result['presented_ms'] = (presented - start_us) / 1000
            result['laid_out_ms'] = (laid_out - start_us) / 1000
            result['painted_ms'] = (painted - start_us) / 1000
        elif words[:1] == ['first-frame']:
            result['ms'] = (int(words[1]) - start_us) / 1000
            result['first_kib'] = int(words[2])
            result['renderer'] = words[3]
            result['webkit'] = words[4] == '1'
            result['cpu_ms'] = int(words[5]) / 1000
        elif words[:1] == ['settled']:
            result['settled_kib'] = int(words[1])
    if 'ms' not in result or 'presented_ms' not in result or 'settled_kib' not in result:
        sys.exit('%s did not report its first frame; it printed:\n%s' % (argv[0], output))
    result['peak_kib'] = usage.ru_maxrss
    return result


RENDERERS = {
    'GskCairoRenderer': 'cairo',
    'GskGLRenderer': 'gl',
    'GskNglRenderer': 'ngl',
    'GskVulkanRenderer': 'vulkan',
}


def renderer_name(type_name):
    return RENDERERS.get(type_name, type_name)


class ReminderIdle:
    """untrain-reminder on a session bus of its own, in a home of its own
    where the last check was just now: nothing is due for 30 days. Reads
    its memory and the context switches of all its threads from /proc."""

    SETTLE_SECONDS = 3

    def __init__(self, binary, schema_dir, scratch):
        self.home, env = make_home(scratch, 'reminder', state=False)
        env['GSETTINGS_SCHEMA_DIR'] = schema_dir
        self.log = open(os.path.join(self.home, 'reminder.log'), 'w')
        # The shell says the pid of what it becomes: the reminder itself.
        self.session = subprocess.Popen(
            ['dbus-run-session', '--', 'sh', '-c', 'echo $$; exec "$0"', binary],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.session.stdout.readline()
        if not line.strip().isdigit():
            self.session.wait()
            self.check_alive('did not start')
        self.pid = int(line)
        # The start (bus name, settings, looking for tray and notification
        # servers) is not idling.
        time.sleep(self.SETTLE_SECONDS)
        self.check_alive('ended early')
        self.threads = len(os.listdir('/proc/%d/task' % self.pid))
        self.started = time.monotonic()
        self.switches_before = self.switches()

    def check_alive(self, what):
        if self.session.poll() is not None or not os.path.exists('/proc/%d' % self.pid):
            self.log.flush()
            with open(self.log.name) as f:
                sys.exit('untrain-reminder %s:\n%s' % (what, f.read()))

    def status_kib(self, key):
        with open('/proc/%d/status' % self.pid) as f:
            for line in f:
                if line.startswith(key + ':'):
                    return int(line.split()[1])
        return -1

    def switches(self):
        total = 0
        task_dir = '/proc/%d/task' % self.pid
        for task in os.listdir(task_dir):
            try:
                with open(os.path.join(task_dir, task, 'status')) as f:
                    for line in f:
                        if line.startswith(('voluntary_ctxt_switches:', 'nonvoluntary_ctxt_switches:')):
                            total += int(line.split()[1])
            except FileNotFoundError:
                pass
        return total

    def finish(self, seconds):
        """Waits until @seconds have passed since it settled, then returns
        a dict: seconds, threads, switches, rss_kib, hwm_kib; and ends it."""
        left = self.started + seconds - time.monotonic()
        if left > 0:
            time.sleep(left)
        self.check_alive('ended while idle')
        result = {
            'seconds': time.monotonic() - self.started,
            'threads': self.threads,
            'switches': self.switches() - self.switches_before,
            'rss_kib': self.status_kib('VmRSS'),
            'hwm_kib': self.status_kib('VmHWM'),
        }
        self.stop()
        return result

    def stop(self):
        if self.session.poll() is None:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.session.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.session.kill()
                self.session.wait()
        self.session.stdout.close()
        self.log.close()


LIVE_CHECK_LINES = {
    'one': re.compile(r'one round trip:\s+([\d.]+) ms'),
    'warm': re.compile(r'all at once, warm:\s+([\d.]+) ms .* over (\d+) connection'),
    'cold': re.compile(r'all at once, new provider:\s+([\d.]+) ms .* over (\d+) connection'),
    'header': re.compile(r'max-connections (\d+), (\d+) live items, (\d+) ms added'),
}


def live_check(directory, connections=0, latency_ms=200, rounds=5):
    """Runs tests/bench-live-check; returns its text and a dict of its
    figures: one, warm, cold (ms), warm_connections, cold_connections,
    max_connections, items, latency_ms."""
    output = subprocess.run([os.path.join(directory, 'tests', 'bench-live-check'),
                             '--max-connections=%d' % connections,
                             '--latency-ms=%d' % latency_ms, '--rounds=%d' % rounds],
                            check=True, capture_output=True, text=True,
                            env=dict(os.environ, GIO_USE_PROXY_RESOLVER='dummy')).stdout
    figures = {}
    for key, pattern in LIVE_CHECK_LINES.items():
        match = pattern.search(output)
        if match is None:
            sys.exit('bench-live-check printed no "%s" figure:\n%s' % (key, output))
        if key == 'header':
            figures['max_connections'], figures['items'], figures['latency_ms'] = map(int, match.groups())
        elif key == 'one':
            figures['one'] = float(match.group(1))
        else:
            figures[key] = float(match.group(1))
            figures[key + '_connections'] = int(match.group(2))
    return output, figures


def scratch_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def mib(kib):
    return kib / 1024


def today():
    return datetime.date.today().isoformat()
