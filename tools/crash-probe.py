#!/usr/bin/env python3
"""Re-run of the crash probe of 2026-12-04 (kill -9, racing processes, a locked store) against the real CLI and
the embedded emulator, with the documented recovery: `flaude sessions reap -a APP` (defaults) once the
killed process's marks have lapsed (16 s). Prints one line of figures per scenario."""
import json, os, random, signal, sqlite3, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLAUDE = ROOT + '/flaude'
SEED = int(os.environ.get('SEED', '1204'))
rnd = random.Random(SEED)
TRIALS = int(os.environ.get('TRIALS', '10'))
LAPSE = 16.5

def http(port, method, path, body=None):
    req = urllib.request.Request(f'http://127.0.0.1:{port}{path}', method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={'Authorization': 'Bearer x', 'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            data = r.read()
            return json.loads(data) if data else None
    except urllib.error.HTTPError as e:
        return {'_status': e.code, '_body': e.read().decode(errors='replace')}

class Emu:
    def __init__(self, port):
        self.port = port
        self.p = subprocess.Popen([FLAUDE, 'emulator', '--port', str(port)], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        for _ in range(200):
            try:
                http(port, 'GET', '/v1/apps?org_slug=personal'); return
            except Exception:
                time.sleep(0.1)
        raise SystemExit('emulator did not start')
    def close(self):
        self.p.terminate(); self.p.wait()
    def app(self, name):
        http(self.port, 'POST', '/v1/apps', {'app_name': name, 'org_slug': 'personal'})
        return name
    def faults(self, method, path, faults):
        http(self.port, 'POST', '/_emulator/faults', {'method': method, 'path': path, 'faults': faults})
    def clear_faults(self):
        http(self.port, 'DELETE', '/_emulator/faults')
    def left(self, app):
        ms = [m for m in (http(self.port, 'GET', f'/v1/apps/{app}/machines') or []) if m.get('state') != 'destroyed']
        vs = [v for v in (http(self.port, 'GET', f'/v1/apps/{app}/volumes') or []) if v.get('state') not in ('destroyed', 'pending_destroy')]
        ss = [s for s in ((http(self.port, 'GET', f'/v1/apps/{app}/secrets') or {}).get('secrets') or []) if s.get('name', '').startswith('FLAUDE_')]
        return len(vs), len(ms), len(ss)
    def lease(self, app, mid):
        r = http(self.port, 'GET', f'/v1/apps/{app}/machines/{mid}/lease')
        return r is not None and '_status' not in r

class Cli:
    def __init__(self, port, home):
        self.env = dict(os.environ, FLY_API_HOSTNAME=f'http://127.0.0.1:{port}', FLY_API_TOKEN='x',
                        CLAUDE_CODE_OAUTH_TOKEN='sk-ant-oat-probe-token-long-enough', FLAUDE_HOME=home,
                        FLAUDE_NATS_URL='off')
        self.env.pop('JAVA_HOME', None)
        self.home = home
    def start(self, *args):
        return subprocess.Popen([FLAUDE, *args], env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    def run(self, *args, timeout=120):
        t = time.time()
        p = subprocess.run([FLAUDE, *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr, time.time() - t
    def records(self, app):
        db = os.path.join(self.home, 'sessions.db')
        if not os.path.exists(db):
            return []
        c = sqlite3.connect(db, timeout=10)
        try:
            return c.execute('select session_id, state, machine_id from sessions where app=?', (app,)).fetchall()
        finally:
            c.close()

def unclear(rc, err):
    """An error with no message, a stack trace, a raw 409 or an exit code 2 for a non-usage failure."""
    return rc != 0 and ('\tat ' in err or 'Exception' in err.split('Error:')[0] or '409' in err or rc == 2 or not err.strip())

def final_destroy(cli, app):
    for sid, _, _ in cli.records(app):
        cli.run('sessions', 'destroy', sid)

def report(name, **f):
    print(name + ': ' + ', '.join(f'{k} {v}' for k, v in f.items()), flush=True)

def timed_kill(p, window):
    time.sleep(rnd.uniform(0, window)); p.send_signal(signal.SIGKILL); p.wait()

def scenario_kill(emu, cli, name, args_of, window, prepare=None):
    apps, killed = [], 0
    for i in range(TRIALS):
        app = emu.app(f"{''.join(w[0] for w in name.split() if w[0].isalpha())}-{i}".lower())
        if prepare: prepare(app)
        p = cli.start(*args_of(app))
        timed_kill(p, window)
        killed += p.returncode == -9
        apps.append((app, p.returncode == -9))
    time.sleep(LAPSE)
    left_by_reap = reap_fail = 0
    kinds = [0, 0, 0, 0]
    for app, was_killed in apps:
        rc, out, err, _ = cli.run('sessions', 'reap', '-a', app)
        reap_fail += rc != 0
        v, m, s = emu.left(app); recs = len(cli.records(app))
        if was_killed:
            left_by_reap += (v + m + s + recs) > 0
            kinds = [a + b for a, b in zip(kinds, [v, m, s, recs])]
        final_destroy(cli, app)
    leaked = [sum(emu.left(app)[i] for app, _ in apps) for i in range(3)]
    report(name, trials=TRIALS, killed=killed, left_by_reap_trials=left_by_reap,
           left_by_first_reap_vol_mach_secrets_records='/'.join(map(str, kinds)), reap_failed=reap_fail,
           after_final_destroy_vol_mach_secrets='/'.join(map(str, leaked)))
    return [a for a, _ in apps]

def main():
    emu = Emu(4290 + rnd.randrange(100))
    home = tempfile.mkdtemp()
    cli = Cli(emu.port, home)
    try:
        rc, out, err, d = cli.run('run', '-a', emu.app('warm'), '--prompt', 'x', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=1500')
        w = d * 1.15
        scenario_kill(emu, cli, 'kill -9 during sessions create', lambda a: ['sessions', 'create', '-a', a, '--prompt', 'x', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=1500'], w)
        run_apps = scenario_kill(emu, cli, 'kill -9 during run', lambda a: ['run', '-a', a, '--prompt', 'x', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=1500'], w)
        pf = os.path.join(home, 'prompts.txt'); open(pf, 'w').write('a\nb\nc\nd\n')
        run_apps += scenario_kill(emu, cli, 'kill -9 during batch of 4 -c 2', lambda a: ['batch', '-a', a, '--prompts-file', pf, '-c', '2', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=1500'], w * 1.6)

        reaped_again_at = time.time() + 125

        # create held before its machine: a turn on it (D5), then reap
        apps, msgs = [], []
        for i in range(TRIALS):
            app = emu.app(f'held-create-{i}')
            emu.faults('POST', f'/v1/apps/{app}/machines', [{'delay_ms': 3000}])
            p = cli.start('sessions', 'create', '-a', app, '--prompt', 'x')
            while not any(r[1] == 'creating' for r in cli.records(app)) or not emu.left(app)[0]:
                time.sleep(0.1)
            p.send_signal(signal.SIGKILL); p.wait(); apps.append(app)
        time.sleep(LAPSE)
        unclear_n = left = leaked = 0
        for app in apps:
            sid = cli.records(app)[0][0]
            rc, out, err, _ = cli.run('sessions', 'turn', sid, '--prompt', 'y')
            msgs.append((rc, err.strip().splitlines()[-1] if err.strip() else ''))
            unclear_n += rc != 1 or 'creation never finished' not in err
            cli.run('sessions', 'reap', '-a', app)
            v, m, s = emu.left(app); left += (v + m + s + len(cli.records(app))) > 0
            final_destroy(cli, app); v, m, s = emu.left(app); leaked += v + m + s
        report('kill -9 with the create held before its machine', trials=TRIALS, turn_unclear=unclear_n, left_by_reap=left, leaked=leaked)
        print('   turn said:', msgs[0])

        time.sleep(max(0, reaped_again_at - time.time()))
        for app in run_apps:
            cli.run('sessions', 'reap', '-a', app)
        report('runs and batches killed, reaped again 2 min later', apps=len(run_apps),
               left_vol_mach_secrets='/'.join(str(sum(emu.left(a)[i] for a in run_apps)) for i in range(3)))

        # turn killed: the busy message right after, blocked seconds (kill -> lease gone, polled), reap, next turn
        apps = []
        blocked, unusable, busy_msgs, lost = [], 0, [], 0
        for i in range(TRIALS):
            app = emu.app(f'turn-{i}')
            rc, out, err, _ = cli.run('sessions', 'create', '-a', app, '--prompt', 'one', '--json')
            sid = json.loads(out)['session_id']
            mid = json.loads(out)['machine_id']
            p = cli.start('sessions', 'turn', sid, '--prompt', 'two', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=1500')
            timed_kill(p, w)
            killed_at = time.time()
            if emu.lease(app, mid):
                rc, out, err, _ = cli.run('sessions', 'turn', sid, '--prompt', 'probe-busy')
                if 'busy' in err:
                    busy_msgs.append(err.strip().splitlines()[-1])
            while emu.lease(app, mid):
                time.sleep(0.2)
            blocked.append(time.time() - killed_at)
            apps.append((app, sid))
        time.sleep(3)
        for app, sid in apps:
            cli.run('sessions', 'reap', '-a', app)
            rc, out, err, _ = cli.run('sessions', 'turn', sid, '--prompt', 'last')
            unusable += rc != 0
            final_destroy(cli, app)
        report('kill -9 during sessions turn', trials=TRIALS, unusable=unusable, max_blocked_s=round(max(blocked), 1),
               busy_refusals=len(busy_msgs), saying_no_turn_holds_it=sum('no longer runs' in m for m in busy_msgs))
        for m in busy_msgs[:1]:
            print('   busy said:', m[:300])

        # destroy held between machine and volume
        apps = []
        for i in range(TRIALS):
            app = emu.app(f'held-destroy-{i}')
            rc, out, err, _ = cli.run('sessions', 'create', '-a', app, '--prompt', 'one', '--json')
            sid = json.loads(out)['session_id']
            emu.faults('DELETE', f'/v1/apps/{app}/volumes/*', [{'status': 503, 'body': {'error': 'held'}}] * 30)
            p = cli.start('sessions', 'destroy', sid)
            while emu.left(app)[1]:
                time.sleep(0.1)
            time.sleep(rnd.uniform(0, 0.5)); p.send_signal(signal.SIGKILL); p.wait()
            emu.clear_faults(); apps.append(app)
        left = leaked = 0
        for app in apps:
            cli.run('sessions', 'reap', '-a', app)
            v, m, s = emu.left(app); left += (v + m + s + len(cli.records(app))) > 0
            final_destroy(cli, app); v, m, s = emu.left(app); leaked += v + m + s
        report('kill -9 with the destroy held between machine and volume', trials=TRIALS, left_by_reap=left, leaked=leaked)

        # reap --grace 0s during another process's run / create
        harmed = 0
        for i in range(TRIALS):
            app = emu.app(f'reap-run-{i}')
            p = cli.start('run', '-a', app, '--prompt', 'x', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=4000')
            while not emu.left(app)[1]:
                time.sleep(0.1)
            cli.run('sessions', 'reap', '-a', app, '--grace', '0s')
            harmed += p.wait() != 0
        report("reap --grace 0s during another process's run", trials=TRIALS, runs_harmed=harmed)
        harmed = 0
        for i in range(TRIALS):
            app = emu.app(f'reap-create-{i}')
            emu.faults('POST', f'/v1/apps/{app}/secrets', [{'delay_ms': 3000}])
            p = cli.start('sessions', 'create', '-a', app, '--prompt', 'x')
            time.sleep(1.5)
            cli.run('sessions', 'reap', '-a', app, '--grace', '0s')
            harmed += p.wait() != 0
            final_destroy(cli, app)
        report("reap --grace 0s during another process's create", trials=TRIALS, creates_harmed=harmed)

        # turn + destroy
        took, ok = [], 0
        for i in range(TRIALS):
            app = emu.app(f'turn-destroy-{i}')
            rc, out, err, _ = cli.run('sessions', 'create', '-a', app, '--prompt', 'one', '--json')
            sid = json.loads(out)['session_id']
            p = cli.start('sessions', 'turn', sid, '--prompt', 't', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=1500')
            time.sleep(rnd.uniform(0, 2))
            rc, out, err, d = cli.run('sessions', 'destroy', sid)
            p.wait(); took.append(d); ok += rc == 0 and sum(emu.left(app)) == 0
        report('turn (1.5 s) + destroy 0-2 s later', trials=TRIALS, destroys_ok=ok, max_destroy_s=round(max(took), 1))
        app = emu.app('long-turn-destroy')
        rc, out, err, _ = cli.run('sessions', 'create', '-a', app, '--prompt', 'one', '--json')
        sid = json.loads(out)['session_id']
        p = cli.start('sessions', 'turn', sid, '--prompt', 't', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=40000')
        time.sleep(3)
        rc, out, err, d = cli.run('sessions', 'destroy', sid)
        report('turn (40 s) + destroy 3 s later', rc=rc, after_s=round(d, 1), raw_409='409' in err)
        print('   destroy said:', err.strip().splitlines()[-1][:220])
        p.wait(); cli.run('sessions', 'destroy', sid)

        # store locked during a turn
        app = emu.app('locked')
        rc, out, err, _ = cli.run('sessions', 'create', '-a', app, '--prompt', 'one', '--json')
        sid = json.loads(out)['session_id']
        p = cli.start('sessions', 'turn', sid, '--prompt', 'two', '--json', '--env', 'FLAUDE_EMULATOR_SLEEP_MS=6000')
        time.sleep(3)
        c = sqlite3.connect(os.path.join(home, 'sessions.db'), isolation_level=None); c.execute('BEGIN EXCLUSIVE')
        out, err = p.communicate(); time.sleep(max(0, 0)); c.execute('ROLLBACK'); c.close()
        answered = bool(out.strip()) and 'store_failure' in out
        cli.run('sessions', 'reap', '-a', app)
        rc3, out3, err3, _ = cli.run('sessions', 'turn', sid, '--prompt', 'three')
        report('store locked during a turn', turn_rc=p.returncode, answer_printed=answered,
               state_after_reap=[r[1] for r in cli.records(app)], next_turn_rc=rc3, next_remembers_two='2 earlier turns' in out3)
        final_destroy(cli, app)
    finally:
        emu.close()

if __name__ == '__main__':
    print(f'seed {SEED}, {TRIALS} trials per scenario', flush=True)
    main()
