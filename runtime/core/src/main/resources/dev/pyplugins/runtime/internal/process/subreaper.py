# The pyplugins subreaper: runs a plugin as its only child and outlives it just long enough to kill whatever
# the plugin left behind. As a child subreaper (PR_SET_CHILD_SUBREAPER) it adopts every orphan of the tree,
# also a setsid() double-forked daemon, so when the plugin has exited (stopped, crashed, or killed with its
# group) everything still alive below this process is its leftover: SIGKILLed and reaped, then this process
# exits with the plugin's own status. Protocol with the host: one stdout line "pyplugins-subreaper <pid>"
# before the plugin runs. Usage: python3 -I -c <this> <command...>
import ctypes
import os
import signal
import sys
import time

SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGPIPE)


def tree(root):
    """Pids of every live process below root, read from /proc."""
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/%s/stat" % name, "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            fields = stat[stat.rindex(b")") + 2:].split()
            children.setdefault(int(fields[1]), []).append(int(name))
    found, todo = [], [root]
    while todo:
        for pid in children.get(todo.pop(), []):
            found.append(pid)
            todo.append(pid)
    return found


def kill_leftovers():
    """SIGKILLs and reaps every descendant until none is left (an unkilled one may still fork: loop)."""
    while True:
        for pid in tree(os.getpid()):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        except ChildProcessError:
            return
        time.sleep(0.01)


def main(argv):
    if ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) != 0:  # PR_SET_CHILD_SUBREAPER
        sys.stderr.write("pyplugins subreaper: prctl(PR_SET_CHILD_SUBREAPER) failed: %s\n"
                         % os.strerror(ctypes.get_errno()))
        return 126
    for s in SIGNALS:
        # A handler, not SIG_IGN, which the plugin would inherit through exec; the host signals the plugin's
        # group, and this process ends when the plugin has.
        signal.signal(s, lambda signum, frame: None)
    go_r, go_w = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(go_w)
        os.read(go_r, 1)  # until the host knows our pid: our stdout must not come first
        os.close(go_r)
        for s in SIGNALS:
            signal.signal(s, signal.SIG_DFL)
        os.setsid()  # own session and process group: pgid == pid, what the host signals
        try:
            os.execvp(argv[0], argv)
        except OSError as e:
            os.write(2, ("cannot start %s: %s\n" % (argv[0], e)).encode())
        os._exit(127)
    os.close(go_r)
    sys.stdout.write("pyplugins-subreaper %d\n" % child)
    sys.stdout.flush()
    os.write(go_w, b"g")
    os.close(go_w)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)  # hold neither the lifeline nor the plugin's stdout open
    os.dup2(devnull, 1)
    while True:
        pid, status = os.waitpid(-1, 0)
        if pid == child:
            break
    kill_leftovers()
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig != signal.SIGKILL:
            signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)  # die the plugin's death, so the host reports its signal
        return 128 + sig
    return os.WEXITSTATUS(status)


sys.exit(main(sys.argv[1:]))
