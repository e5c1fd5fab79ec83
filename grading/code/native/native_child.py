# Native CPython sandbox: one process per job (one submission's tests), started by native-pool.ts inside
# bubblewrap. Runs as `python3 -I -S -B -X utf8 native_child.py` and, before any submission code:
#  1. reads its whole job from stdin (a JSON line, then the harness compiled by the parent) and closes it;
#  2. sets rlimits (CPU seconds, address space, file size, open files, no core files);
#  3. loads a seccomp filter (libseccomp's Python binding, Debian's python3-seccomp): no new processes
#     or programs (fork, vfork, clone without CLONE_THREAD, execve), no sockets, no ptrace or reading
#     other processes' memory, no namespaces, mounts, keyrings, bpf, io_uring, kernel modules...;
#  4. runs the grading harness (python/harness.py with its assertion rewriter and pytest shim), whose
#     audit hook and identity checks are the same as in Pyodide.
# Results go out on fd 3, each line prefixed with a token the parent sent on stdin and that lives only in
# a local of `main` (frames are refused to the submission): a line without it is a forgery, and the
# parent then trusts nothing more of the job. fd 1 and 2 lead to /dev/null.
import sys


def main():
    import os

    # Descriptors beyond stdin, stdout, stderr and the result channel are whatever the grader's process
    # inherited without close-on-exec (Node and bubblewrap pass them on): a pipe or socket of the host
    # (2026-12-07: a write-only FIFO of the shell that started the grader, as fd 251). Closed first.
    os.closerange(4, 1 << 20)
    import json
    import marshal
    import resource
    import time

    # Everything used once submission code may have run is captured here, as locals of this frame
    # (frames are refused to the submission): builtins and module attributes can be replaced by it.
    _read, _write, _len, _range, _min, _str, _bytes = os.read, os.write, len, range, min, str, bytes
    _MemoryError, _RecursionError, _BaseException, _type = MemoryError, RecursionError, BaseException, type
    _float_repr, _int_repr = float.__repr__, int.__repr__
    _times = os.times
    # The C scanner of `_json` (JSONDecoder.decode is Python code that looks up builtins).
    _scan = json.JSONDecoder().scan_once
    if type(_scan).__module__ != "_json":
        raise ImportError("the C JSON scanner is not available")
    _enc_str = json.encoder.encode_basestring_ascii
    import fcntl

    _fcntl, _GETFL, _SETFL, _NONBLOCK = fcntl.fcntl, fcntl.F_GETFL, fcntl.F_SETFL, os.O_NONBLOCK
    _BlockingIOError = BlockingIOError
    buf = [b""]

    def read_chunk(size):
        """A blocking read of stdin, whatever the submission set on it (a non-blocking stdin made the next
        test's input read fail, as a runtime error of the submission's own next test)."""
        while True:
            try:
                return _read(0, size)
            except _BlockingIOError:
                _fcntl(0, _SETFL, _fcntl(0, _GETFL) & ~_NONBLOCK)

    def read_line():
        """One line of stdin: the job, then each function or I/O test's input when the parent sends it
        (after the previous test's result), so no hidden input is here before every visible result."""
        while b"\n" not in buf[0]:
            chunk = read_chunk(1 << 16)
            if not chunk:
                raise EOFError("the grader closed the job")
            buf[0] += chunk
        line, _, rest = buf[0].partition(b"\n")
        buf[0] = rest
        return line

    def read_bytes(n):
        while _len(buf[0]) < n:
            chunk = read_chunk(1 << 20)
            if not chunk:
                raise EOFError("the grader closed the job")
            buf[0] += chunk
        data, buf[0] = buf[0][:n], buf[0][n:]
        return data

    msg = _scan(read_line().decode(), 0)[0]
    token = msg["token"].encode()
    job = msg["job"]
    harness_code = read_bytes(msg.get("harnessBytes", 0))
    out_fd = 3
    null = os.open("/dev/null", os.O_RDWR)
    for fd in (1, 2):
        os.dup2(null, fd)
    os.close(null)

    def send(text):
        _write(out_fd, token + b" " + text.encode() + b"\n")

    layers = []
    limits = job.get("limits") or {}
    mem_mb = int(limits.get("memoryMb", 128))
    cpu_s = int(msg.get("cpuSeconds", 30))
    rl = [
        (resource.RLIMIT_CPU, cpu_s, cpu_s + 1),
        # The interpreter itself maps ~60 MB before the first line of a submission runs.
        (resource.RLIMIT_AS, (mem_mb + 192) << 20, (mem_mb + 192) << 20),
        (resource.RLIMIT_FSIZE, 16 << 20, 16 << 20),
        (resource.RLIMIT_NOFILE, 64, 64),
        (resource.RLIMIT_CORE, 0, 0),
        (resource.RLIMIT_MEMLOCK, 0, 0),
    ]
    for which, soft, hard in rl:
        resource.setrlimit(which, (soft, hard))
    layers.append("rlimits (cpu %d s, address space %d MB, file size 16 MB, 64 files)" % (cpu_s, mem_mb + 192))

    sys.path.insert(0, "/usr/lib/python3/dist-packages")
    try:
        import seccomp
    finally:
        sys.path.pop(0)
    f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    eperm = seccomp.ERRNO(1)
    denied = (
        "fork", "vfork", "execve", "execveat", "ptrace", "process_vm_readv", "process_vm_writev",
        "process_madvise", "pidfd_open", "pidfd_getfd", "pidfd_send_signal", "kcmp", "socket", "socketpair",
        "connect", "bind", "listen", "accept", "accept4", "keyctl", "add_key", "request_key", "bpf",
        "userfaultfd", "perf_event_open", "mount", "umount2", "pivot_root", "chroot", "unshare", "setns",
        "move_mount", "open_tree", "fsopen", "fsmount", "fspick", "mount_setattr", "kexec_load",
        "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot", "swapon", "swapoff",
        "acct", "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "personality", "ioperm",
        "iopl", "io_uring_setup", "io_uring_enter", "io_uring_register", "fanotify_init",
        "name_to_handle_at", "open_by_handle_at", "quotactl", "syslog", "vhangup", "mknod", "mknodat",
        "landlock_create_ruleset", "memfd_secret",
        # Memory written to a memfd is not mapped, so RLIMIT_AS does not count it (review of 2026-12-07:
        # 60 memfds of 16 MB each held 960 MB past a 128 MB limit).
        "memfd_create",
    )
    for name in denied:
        try:
            f.add_rule(eperm, name)
        except (RuntimeError, ValueError, OSError):
            pass  # not a system call of this kernel or architecture
    # No threads either, as in Pyodide: CPython 3.11 audits no thread start, and a thread of the
    # submission running on while the harness records a verdict is a race the identity checks cannot
    # see. No signal handlers, timers or signals to itself: a handler receives the interrupted frame.
    for name in ("clone", "clone3", "rt_sigaction", "sigaltstack", "kill", "tkill", "tgkill",
                 "rt_sigqueueinfo", "rt_tgsigqueueinfo", "alarm", "setitimer", "timer_create"):
        try:
            f.add_rule(eperm, name)
        except (RuntimeError, ValueError, OSError):
            pass
    f.load()
    del f, seccomp
    for m in [m for m in sys.modules if m == "seccomp" or m.startswith("seccomp.")]:
        del sys.modules[m]
    layers.append("seccomp (no processes, threads, programs, sockets, signals, ptrace, namespaces, mounts, keyrings, bpf)")

    if job.get("kind") == "probe":
        # The filter itself refuses, with no audit hook in the way: a new process, a socket, a thread.
        refused = {}
        try:
            pid = os.fork()
            if pid == 0:
                os._exit(0)
            refused["fork"] = False
        except OSError:
            refused["fork"] = True
        try:
            import _socket
            _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM).close()
            refused["socket"] = False
        except OSError:
            refused["socket"] = True
        try:
            import _thread
            _thread.start_new_thread(lambda: None, ())
            refused["thread"] = False
        except RuntimeError:
            refused["thread"] = True
        refused["proc"] = not os.path.exists("/proc/self/mem")
        send(json.dumps({"t": "probe", "layers": layers, "refused": refused, "version": sys.version.split()[0]}))
        return

    ns = {"__name__": "__main__", "__builtins__": __builtins__, "_GRADER_NATIVE": True}
    exec(marshal.loads(harness_code), ns)
    del harness_code
    ns["_grader_preload"]()
    grader = ns["_grader_factory"]()
    ns.clear()
    del ns

    cap = int(limits.get("outputBytes", 64000))
    cpu = time.process_time
    wall = time.perf_counter

    def measure(fn, *args):
        """A raw result (JSON text the harness built with its captured builtins) and its CPU time."""
        w0, c0 = wall(), cpu()
        try:
            raw = fn(*args)
        except _MemoryError:
            raw = '{"s":"memory"}'
        except _RecursionError:
            raw = '{"s":"fatal","msg":"maximum recursion depth exceeded"}'
        except _BaseException as e:  # the harness catches the submission's errors; this is its own
            try:
                text = _str(e)[:2000]
            except _BaseException:
                text = "error"
            raw = '{"s":"error","etype":"InternalError","tb":' + _enc_str(text) + "}"
        used = _min(cpu() - c0, wall() - w0)
        if _type(raw) is not _str:
            raw = '{"s":"error","etype":"InternalError","tb":"no result"}'
        return raw, _float_repr(used * 1000)

    def progress(i, raw, cpu_ms):
        send('{"t":"progress","i":' + _int_repr(i) + ',"cpuMs":' + cpu_ms + ',"r":' + raw + "}")
        # Stop at a crashed interpreter or exhausted memory, as the Pyodide child does.
        return raw.startswith('{"s":"fatal"') or raw.startswith('{"s":"memory"')

    def process_cpu():
        """The whole process's CPU so far, start-up included (the grader's figures: the bench)."""
        t = _times()
        return _float_repr((t[0] + t[1]) * 1000.0)

    send('{"t":"started"}')
    if job["kind"] == "tests":
        prep = grader["prepare"](job["code"], job["moduleName"], cap)
        if prep == '{"s":"ok"}':
            for i in _range(job["count"]):
                t = _scan(read_line().decode(), 0)[0]
                if t["kind"] == "function":
                    raw, ms = measure(grader["call"], t["fn"], t["args"])
                else:
                    raw, ms = measure(grader["run_io"], t["stdin"])
                if progress(i, raw, ms):
                    break
        send('{"t":"done","recycle":true,"processCpuMs":' + process_cpu() + ',"prep":' + prep + "}")
    else:
        prep_text = grader["unittest_prepare"](job["code"], job["moduleName"], job["source"], cap)
        send('{"t":"names","prep":' + prep_text + "}")
        prep = _scan(prep_text, 0)[0]
        if prep.get("s") == "ok":
            for i in _range(job.get("startAt") or 0, _len(prep["names"])):
                raw, ms = measure(grader["unittest_run"], i)
                if progress(i, raw, ms):
                    break
        send('{"t":"done","recycle":true,"processCpuMs":' + process_cpu() + ',"prep":' + prep_text + "}")

main()
